import { useState, type FormEvent } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { ApiError, errorMessage, type FieldErrors } from '../api'
import { homeFor, useAuth } from '../auth'
import { Alert, Button, Card, PageTitle, TextField, useTitle } from '../ui'
import { useForm } from '../form'
import { EMAIL, MAX, hasErrors, withoutError } from '../validation'

export function Login() {
  useTitle('Sign in')
  const { signIn, notice, clearNotice } = useAuth()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { errors, setErrors, formError, setFormError, busy, setBusy, form, checked } = useForm()

  async function submit(e: FormEvent) {
    const found: FieldErrors = {}
    if (!email.trim()) found.email = 'Enter your e-mail address.'
    else if (email.trim().length > MAX.email) found.email = `At most ${MAX.email} characters.`
    else if (!EMAIL.test(email.trim())) found.email = 'Enter a valid e-mail address, like name@example.com.'
    if (!password) found.password = 'Enter your password.'
    if (!checked(e, found)) return
    setBusy(true)
    try {
      const session = await signIn(email.trim(), password)
      const next = params.get('next')
      // only paths of this app, never another origin
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeFor(session.role), { replace: true })
    } catch (err) {
      if (err instanceof ApiError && hasErrors(err.fieldErrors)) setErrors(err.fieldErrors)
      if (err instanceof ApiError && err.status === 401) setFormError('Wrong e-mail address or password.')
      else setFormError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <div className="mx-auto max-w-md">
      <Card>
        <PageTitle>Sign in</PageTitle>
        {notice && (
          <Alert kind="info">
            {notice}{' '}
            <button type="button" className="underline" onClick={clearNotice}>
              Dismiss
            </button>
          </Alert>
        )}
        {formError && <Alert>{formError}</Alert>}
        <form ref={form} noValidate onSubmit={submit} aria-label="Sign in">
          <TextField label="E-mail" type="email" autoComplete="username" required value={email} error={errors.email} onChange={(e) => { setEmail(e.target.value); setErrors((errs) => withoutError(errs, 'email')) }} />
          <TextField label="Password" type="password" autoComplete="current-password" required value={password} error={errors.password} onChange={(e) => { setPassword(e.target.value); setErrors((errs) => withoutError(errs, 'password')) }} />
          <Button type="submit" busy={busy} className="w-full">
            Sign in
          </Button>
        </form>
        <p className="mt-6 text-sm text-slate-700">
          New here?{' '}
          <Link to="/signup" className="font-semibold text-blue-800 underline">
            Create a customer account
          </Link>{' '}
          or{' '}
          <Link to="/support-agent-register" className="font-semibold text-blue-800 underline">
            register as a support agent
          </Link>
          .
        </p>
      </Card>
    </div>
  )
}
