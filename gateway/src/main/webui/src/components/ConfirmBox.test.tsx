import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ConfirmBox, ConfirmButtons } from './ConfirmBox'

describe('ConfirmBox', () => {
  it('is a named group that asks, confirms and cancels separately', async () => {
    const onConfirm = vi.fn()
    const onCancel = vi.fn()
    render(
      <ConfirmBox label="Confirm deleting this entry" confirm="Delete entry" busy={false} onConfirm={onConfirm} onCancel={onCancel}>
        Delete this entry?
      </ConfirmBox>,
    )
    const group = screen.getByRole('group', { name: 'Confirm deleting this entry' })
    expect(group.textContent).toBe('Delete this entry?Delete entryCancel')
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect([onConfirm.mock.calls.length, onCancel.mock.calls.length]).toEqual([0, 1])
    await userEvent.click(screen.getByRole('button', { name: 'Delete entry' }))
    expect([onConfirm.mock.calls.length, onCancel.mock.calls.length]).toEqual([1, 1])
  })

  it('cannot confirm twice while the step runs, but can still be cancelled', async () => {
    const onConfirm = vi.fn()
    const onCancel = vi.fn()
    render(<ConfirmButtons confirm="Confirm rejection" busy onConfirm={onConfirm} onCancel={onCancel} />)
    const confirm = screen.getByRole('button', { name: 'Confirm rejection' }) as HTMLButtonElement
    expect(confirm.disabled).toBe(true)
    expect(confirm.getAttribute('aria-busy')).toBe('true')
    await userEvent.click(confirm)
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect([onConfirm.mock.calls.length, onCancel.mock.calls.length]).toEqual([0, 1])
  })
})
