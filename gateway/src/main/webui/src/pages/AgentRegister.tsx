import { useState } from 'react'
import { Link } from 'react-router'
import { api } from '../api'
import { Alert, Button, Card, PageTitle, useTitle } from '../ui'
import { RegistrationFields, registrationBody, useRegistration } from './Signup'

export function AgentRegister() {
  useTitle('Become a support agent')
  const [done, setDone] = useState<string | null>(null)
  const { values, setValues, errors, setErrors, formError, busy, form, submit } = useRegistration(async (v) => {
    await api('POST', '/api/support/register-agent/', registrationBody(v), { auth: false })
    setDone(v.email.trim())
  })

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
