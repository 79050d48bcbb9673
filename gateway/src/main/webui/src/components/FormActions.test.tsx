import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { FormActions } from './FormActions'

describe('FormActions', () => {
  it('submits the form it stands in, and Cancel only cancels', async () => {
    let submitted = 0
    let cancelled = 0
    render(
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submitted++
        }}
      >
        <FormActions submit="Create entry" busy={false} onCancel={() => cancelled++} />
      </form>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect([submitted, cancelled]).toEqual([0, 1])
    await userEvent.click(screen.getByRole('button', { name: 'Create entry' }))
    expect([submitted, cancelled]).toEqual([1, 1])
  })

  it('cannot be sent twice while busy', () => {
    render(<FormActions submit="Submit ticket" busy onCancel={() => {}} />)
    const submit = screen.getByRole('button', { name: 'Submit ticket' }) as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    expect(submit.getAttribute('aria-busy')).toBe('true')
  })
})
