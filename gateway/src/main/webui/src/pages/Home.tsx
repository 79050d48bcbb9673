import { Link, Navigate } from 'react-router'
import { homeFor, useAuth } from '../auth'
import { Card, useTitle } from '../ui'

export function Home() {
  const { session } = useAuth()
  useTitle('Welcome')
  if (session) return <Navigate to={homeFor(session.role)} replace />
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Card className="md:col-span-2">
        <h1 className="mb-2 text-3xl font-bold tracking-tight">How can we help?</h1>
        <p className="mb-6 text-slate-700">
          Something wrong with a logiShift delivery — damaged, lost, late? Open a support ticket and follow it until it is solved.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link to="/signup" className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
            Create an account
          </Link>
          <Link to="/login" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-100">
            Sign in
          </Link>
        </div>
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Answers right away</h2>
        <p className="mb-3 text-slate-700">Most questions about deliveries, returns and accounts are answered in the FAQ.</p>
        <Link to="/support/faq" className="font-semibold text-blue-800 underline">
          Browse the FAQ
        </Link>
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Join the support team</h2>
        <p className="mb-3 text-slate-700">Support agents register here; an admin approves the account before the first sign-in.</p>
        <Link to="/support-agent-register" className="font-semibold text-blue-800 underline">
          Become a support agent
        </Link>
      </Card>
    </div>
  )
}
