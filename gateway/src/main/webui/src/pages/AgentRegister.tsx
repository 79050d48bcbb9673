import { useRef, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { api, type FieldErrors } from '../api'
import { Alert, Button, Card, PageTitle, useTitle } from '../ui'
import { focusFirstInvalid, hasErrors, validateRegistration } from '../validation'
import { RegistrationFields, registrationBody, registrationErrors, type RegistrationValues } from './Signup'

export function AgentRegister() {
  useTitle('Become a support agent')
  const [values, setValues] = useState<RegistrationValues>({ name: '', email: '', password: '', phone: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const form = useRef<HTMLFormElement>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = validateRegistration(values)
    setErrors(found)
    setFormError(null)
    if (hasErrors(found)) {
      focusFirstInvalid(form.current)
      return
    }
    setBusy(true)
    try {
      await api('POST', '/api/support/register-agent/', registrationBody(values), { auth: false })
      setDone(values.email.trim())
    } catch (err) {
      const { fields, form: message } = registrationErrors(err)
      setErrors(fields)
      setFormError(message)
      focusFirstInvalid(form.current)
    } finally {
      setBusy(false)
    }
  }

  if (done) {
    return (
      <div className="mx-auto max-w-md">
        <Card>
          <PageTitle>Registration received</PageTitle>
          <div role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
            <p className="font-semibold">Awaiting approval</p>
            <p className="text-sm">
              Your agent account <strong>{done}</strong> is pending. An admin has been notified; you can sign in once they approve it.
            </p>
          </div>
          <Link to="/login" className="font-semibold text-blue-800 underline">
            Go to sign in
          </Link>
        </Card>
      </div>
    )
  }

  return (
    <div className="mx-auto max-w-md">
      <Card>
        <PageTitle>Become a support agent</PageTitle>
        <p className="mb-4 text-sm text-slate-700">Register for the support team. An admin reviews every registration; you can sign in after approval.</p>
        {formError && <Alert>{formError}</Alert>}
        <form ref={form} noValidate onSubmit={submit} aria-label="Agent registration">
          <RegistrationFields values={values} errors={errors} set={setValues} setErrors={setErrors} />
          <Button type="submit" busy={busy} className="w-full">
            Register as agent
          </Button>
        </form>
      </Card>
    </div>
  )
}
