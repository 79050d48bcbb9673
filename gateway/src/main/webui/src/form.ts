import { useRef, useState, type FormEvent } from 'react'
import { errorMessage, type FieldErrors } from './api'
import { focusFirstInvalid, hasErrors } from './validation'

/**
 * What every form of the app keeps: messages per field, one for the whole form, whether it is
 * being sent, and the form element (to put the focus on the first invalid field).
 */
export function useForm() {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)

  /**
   * Starts a submit with the client-side check's findings: shows them and clears the form's old
   * message; false (the focus on the first invalid field) when the form must not be sent.
   */
  function checked(e: FormEvent, found: FieldErrors): boolean {
    e.preventDefault()
    setErrors(found)
    setFormError(null)
    if (hasErrors(found)) {
      focusFirstInvalid(form.current)
      return false
    }
    return true
  }

  return { errors, setErrors, formError, setFormError, busy, setBusy, form, checked }
}

/** One button's request: busy while it runs, its failure as a message next to the button. */
export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function run(action: () => Promise<void>) {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return { busy, error, setError, run }
}
