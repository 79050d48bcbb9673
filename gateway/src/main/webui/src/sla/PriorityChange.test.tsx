import { render, screen } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { eventText } from '../conversation/Conversation'
import { threadItems, withEntries, EMPTY_THREAD } from '../conversation/thread'
import { PriorityChange } from './PriorityChange'

describe('PriorityChange', () => {
  it('offers the change only once another priority is chosen, and sends that one', async () => {
    const onChange = vi.fn()
    render(<PriorityChange current="HIGH" busy={false} disabled={false} onChange={onChange} />)
    const select = screen.getByLabelText('Priority') as HTMLSelectElement
    const button = screen.getByRole('button', { name: 'Change priority' })
    expect(select.value).toBe('HIGH')
    // no "Any": a ticket always has a priority
    expect([...select.options].map((o) => o.value)).toEqual(['LOW', 'MEDIUM', 'HIGH'])
    expect((button as HTMLButtonElement).disabled).toBe(true)
    await userEvent.selectOptions(select, 'MEDIUM')
    expect((button as HTMLButtonElement).disabled).toBe(false)
    await userEvent.click(button)
    expect(onChange).toHaveBeenCalledWith('MEDIUM')
  })

  it('follows the ticket when its priority changed elsewhere, and waits while another action runs', () => {
    const { rerender } = render(<PriorityChange current="HIGH" busy={false} disabled={false} onChange={() => {}} />)
    rerender(<PriorityChange current="LOW" busy={false} disabled={true} onChange={() => {}} />)
    expect((screen.getByLabelText('Priority') as HTMLSelectElement).value).toBe('LOW')
    expect((screen.getByRole('button', { name: 'Change priority' }) as HTMLButtonElement).disabled).toBe(true)
  })
})

describe('the PRIORITY_CHANGED timeline entry', () => {
  const entry = { seq: 7, at: '2026-12-06T12:00:00Z', actor: { id: 'a', name: 'Ann Agent', role: 'AGENT' as const }, kind: 'PRIORITY_CHANGED' as const, from: 'HIGH', to: 'LOW' }

  it('reads as a sentence with the labels, and unknown codes as themselves', () => {
    expect(eventText(entry)).toBe('Ann Agent changed the priority from High to Low')
    expect(eventText({ ...entry, actor: null, from: 'URGENT', to: 'LOW' })).toBe('The system changed the priority from URGENT to Low')
    expect(eventText({ ...entry, to: null })).toBe('Ann Agent changed the priority')
  })

  it('is a line of the conversation', () => {
    expect(threadItems(withEntries(EMPTY_THREAD, [entry]))).toEqual([{ type: 'event', key: 'e-7', entry }])
  })
})
