import { useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { api, ApiError, errorMessage, type FieldErrors } from '../api'
import { useAuth } from '../auth'
import { Alert, Button, Card, PageTitle, TextField, useTitle } from '../ui'
import { useForm } from '../form'
import { MAX, focusFirstInvalid, hasErrors, validateRegistration, withoutError } from '../validation'

export interface RegistrationValues {
  name: string
  email: string
  password: string
  phone: string
}

export function registrationBody(v: RegistrationValues) {
  return { name: v.name.trim(), email: v.email.trim(), password: v.password, ...(v.phone.trim() ? { phone: v.phone.trim() } : {}) }
}

/** Server problems next to their fields; a taken e-mail address (409) goes to the e-mail field. */
export function registrationErrors(err: unknown): { fields: FieldErrors; form: string | null } {
  if (err instanceof ApiError) {
    if (hasErrors(err.fieldErrors)) return { fields: err.fieldErrors, form: null }
    if (err.status === 409) return { fields: { email: err.detail }, form: null }
  }
  return { fields: {}, form: errorMessage(err) }
}

export function RegistrationFields({ values, errors, set, setErrors }: { values: RegistrationValues; errors: FieldErrors; set: (v: RegistrationValues) => void; setErrors: (e: FieldErrors) => void }) {
  // a changed field drops its old message: it is checked again on the next submit
  const change = (field: keyof RegistrationValues, value: string) => {
    set({ ...values, [field]: value })
    setErrors(withoutError(errors, field))
  }
  return (
    <>
      <TextField label="Full name" autoComplete="name" required maxChars={MAX.name} value={values.name} error={errors.name} onChange={(e) => change('name', e.target.value)} />
      <TextField label="E-mail" type="email" autoComplete="email" required value={values.email} error={errors.email} onChange={(e) => change('email', e.target.value)} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="8 to 72 characters."
        value={values.password}
        error={errors.password}
        onChange={(e) => change('password', e.target.value)}
      />
      <TextField label="Phone" type="tel" autoComplete="tel" value={values.phone} error={errors.phone} onChange={(e) => change('phone', e.target.value)} />
    </>
  )
}

/** A registration form (customer or agent): checks, sends with `register`, shows the server's objections by field. */
export function useRegistration(register: (values: RegistrationValues) => Promise<void>) {
  const [values, setValues] = useState<RegistrationValues>({ name: '', email: '', password: '', phone: '' })
  const state = useForm()

  async function submit(e: FormEvent) {
    if (!state.checked(e, validateRegistration(values))) return
    state.setBusy(true)
    try {
      await register(values)
    } catch (err) {
      const { fields, form: message } = registrationErrors(err)
      state.setErrors(fields)
      state.setFormError(message)
      focusFirstInvalid(state.form.current)
    } finally {
      state.setBusy(false)
    }
  }

  return { ...state, values, setValues, submit }
}

export function Signup() {
  useTitle('Create an account')
  const { signIn } = useAuth()
  const navigate = useNavigate()
  const { values, setValues, errors, setErrors, formError, busy, form, submit } = useRegistration(async (v) => {
    await api('POST', '/api/auth/register/', registrationBody(v), { auth: false })
    await signIn(v.email.trim(), v.password)
    navigate('/support', { replace: true })
  })

  return (
    <div className="mx-auto max-w-md">
      <Card>
        <PageTitle>Create your account</PageTitle>
        <p className="mb-4 text-sm text-slate-700">A customer account lets you open support tickets about your deliveries and follow them.</p>
        {formError && <Alert>{formError}</Alert>}
        <form ref={form} noValidate onSubmit={submit} aria-label="Sign up">
          <RegistrationFields values={values} errors={errors} set={setValues} setErrors={setErrors} />
          <Button type="submit" busy={busy} className="w-full">
            Create account
          </Button>
        </form>
        <p className="mt-6 text-sm text-slate-700">
          Already have an account?{' '}
          <Link to="/login" className="font-semibold text-blue-800 underline">
            Sign in
          </Link>
        </p>
      </Card>
    </div>
  )
}
