import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ApiError } from './api'
import { useAction, useForm } from './form'

function NameForm({ onSend }: { onSend: () => void }) {
  const { errors, formError, setFormError, form, checked } = useForm()
  return (
    <form
      ref={form}
      noValidate
      onSubmit={(e) => {
        const value = (form.current?.elements.namedItem('name') as HTMLInputElement).value
        if (!checked(e, value ? {} : { name: 'Enter a name.' })) return
        onSend()
        setFormError('sent')
      }}
    >
      <input name="name" aria-label="Name" aria-invalid={!!errors.name} />
      {errors.name && <p>{errors.name}</p>}
      {formError && <p role="alert">{formError}</p>}
      <button type="submit">Send</button>
    </form>
  )
}

describe('useForm', () => {
  it('does not send a form the check finds wrong, shows why and focuses the field', async () => {
    let sent = 0
    render(<NameForm onSend={() => sent++} />)
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(sent).toBe(0)
    expect(screen.getByText('Enter a name.')).toBeTruthy()
    await screen.findByRole('textbox', { name: 'Name' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }))
  })

  it('sends a correct form, clearing the old messages first', async () => {
    let sent = 0
    render(<NameForm onSend={() => sent++} />)
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'Ada')
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(sent).toBe(1)
    expect(screen.queryByText('Enter a name.')).toBeNull()
    expect(screen.getByRole('alert').textContent).toBe('sent')
  })
})

function ActionButton({ action }: { action: () => Promise<void> }) {
  const { busy, error, run } = useAction()
  return (
    <>
      <button type="button" disabled={busy} onClick={() => run(action)}>
        Go
      </button>
      {error && <p role="alert">{error}</p>}
    </>
  )
}

describe('useAction', () => {
  it('is busy while the request runs and shows its failure', async () => {
    let fail: (e: unknown) => void = () => {}
    render(<ActionButton action={() => new Promise<void>((_, reject) => (fail = reject))} />)
    const button = screen.getByRole('button', { name: 'Go' }) as HTMLButtonElement
    await userEvent.click(button)
    expect(button.disabled).toBe(true)
    fail(new ApiError(409, 'Conflict', 'The ticket is no longer OPEN.'))
    expect((await screen.findByRole('alert')).textContent).toContain('no longer OPEN')
    expect(button.disabled).toBe(false)
  })
})
