import { fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { STATUSES, STATUS_LABEL } from '../types'
import { EnumSelect, type EnumSelectProps } from './EnumSelect'

function options(select: HTMLElement): [string, string][] {
  return within(select)
    .getAllByRole('option')
    .map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ''])
}

/** A controlled EnumSelect as the pages use it. */
function Controlled<T extends string>(props: Omit<EnumSelectProps<T>, 'value' | 'onChange'> & { initial?: string; onChange?: (v: string) => void }) {
  const [value, setValue] = useState(props.initial ?? '')
  return (
    <EnumSelect
      {...props}
      value={value}
      onChange={(v) => {
        setValue(v)
        props.onChange?.(v)
      }}
    />
  )
}

describe('EnumSelect', () => {
  it('is named by its label and lists "Any" first, then the values with their human labels', () => {
    render(<EnumSelect label="Status" value="" onChange={() => {}} values={STATUSES} labels={STATUS_LABEL} />)
    const select = screen.getByRole('combobox', { name: 'Status' })
    expect(options(select)).toEqual([
      ['', 'Any'],
      ['OPEN', 'Open'],
      ['IN_PROGRESS', 'In progress'],
      ['ON_HOLD', 'On hold'],
      ['RESOLVED', 'Resolved'],
      ['CLOSED', 'Closed'],
    ])
    expect((select as HTMLSelectElement).value).toBe('')
  })

  it('shows a value without a label as itself', () => {
    render(<EnumSelect label="Category" value="" onChange={() => {}} values={['DAMAGED', 'SHIPPING']} labels={{ DAMAGED: 'Damaged' }} />)
    expect(options(screen.getByLabelText('Category'))).toEqual([
      ['', 'Any'],
      ['DAMAGED', 'Damaged'],
      ['SHIPPING', 'SHIPPING'],
    ])
  })

  it('names the "any" option as told, or leaves it out', () => {
    const { rerender } = render(<EnumSelect label="Assignee" value="" onChange={() => {}} values={['a1']} any="Anyone" />)
    expect(options(screen.getByLabelText('Assignee'))[0]).toEqual(['', 'Anyone'])
    rerender(<EnumSelect label="Assignee" value="a1" onChange={() => {}} values={['a1']} any={null} />)
    expect(options(screen.getByLabelText('Assignee'))).toEqual([['a1', 'a1']])
  })

  it('puts the extra options before the "any" one', () => {
    render(<EnumSelect label="Status" value="ACTIVE" onChange={() => {}} before={[{ value: 'ACTIVE', label: 'Not yet resolved' }]} values={['OPEN']} labels={{ OPEN: 'Open' }} />)
    const select = screen.getByLabelText('Status') as HTMLSelectElement
    expect(options(select)).toEqual([
      ['ACTIVE', 'Not yet resolved'],
      ['', 'Any'],
      ['OPEN', 'Open'],
    ])
    expect(select.value).toBe('ACTIVE')
    expect(select.selectedOptions[0].textContent).toBe('Not yet resolved')
  })

  it('reports the chosen value, and "" for "any"', async () => {
    const onChange = vi.fn()
    render(<Controlled label="Status" values={STATUSES} labels={STATUS_LABEL} onChange={onChange} />)
    const select = screen.getByLabelText('Status') as HTMLSelectElement
    await userEvent.selectOptions(select, 'On hold')
    expect(onChange).toHaveBeenLastCalledWith('ON_HOLD')
    expect(select.value).toBe('ON_HOLD')
    await userEvent.selectOptions(select, 'Any')
    expect(onChange).toHaveBeenLastCalledWith('')
    expect(onChange).toHaveBeenCalledTimes(2)
  })

  it('marks itself invalid only when told', () => {
    const { rerender } = render(<EnumSelect label="New agent" value="" onChange={() => {}} values={[]} any="Choose…" />)
    expect(screen.getByLabelText('New agent').getAttribute('aria-invalid')).toBeNull()
    rerender(<EnumSelect label="New agent" value="" onChange={() => {}} values={[]} any="Choose…" invalid />)
    expect(screen.getByLabelText('New agent').getAttribute('aria-invalid')).toBe('true')
  })

  it('keeps the label classes it is given (the reassign form is smaller)', () => {
    render(<EnumSelect label="New agent" className="text-xs" value="" onChange={() => {}} values={[]} />)
    expect(screen.getByLabelText('New agent').closest('label')!.className).toBe('text-xs')
  })

  it('shows hostile labels and values as text', () => {
    const evil = '<img src=x onerror=alert(1)>'
    const onChange = vi.fn()
    const { container } = render(<EnumSelect label={`Agent ${evil}`} value="" onChange={onChange} values={['x\u0000"y', evil]} labels={{ [evil]: evil }} />)
    expect(container.querySelector('img')).toBeNull()
    const select = screen.getByLabelText(`Agent ${evil}`)
    expect(options(select).slice(1)).toEqual([
      ['x\u0000"y', 'x\u0000"y'],
      [evil, evil],
    ])
    fireEvent.change(select, { target: { value: 'x\u0000"y' } })
    expect(onChange).toHaveBeenCalledWith('x\u0000"y')
  })

  it('renders hundreds of choices (an admin with many agents)', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `agent-${i}`)
    render(<EnumSelect label="Assignee" value="agent-499" onChange={() => {}} values={ids} />)
    const select = screen.getByLabelText('Assignee') as HTMLSelectElement
    expect(select.options.length).toBe(501)
    expect(select.selectedIndex).toBe(500)
  })
})
