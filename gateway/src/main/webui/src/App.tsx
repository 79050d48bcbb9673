import type { ReactNode } from 'react'
import { Link, Navigate, Route, Routes, useLocation } from 'react-router'
import { AuthProvider, homeFor, useAuth } from './auth'
import { Layout } from './Layout'
import { PreferencesPage } from './mail/PreferencesPage'
import { TicketLink } from './mail/TicketLink'
import { NotificationsProvider } from './notifications'
import { AdminSupport } from './pages/AdminSupport'
import { AgentDashboard } from './pages/AgentDashboard'
import { AgentRegister } from './pages/AgentRegister'
import { Faq } from './pages/Faq'
import { Home } from './pages/Home'
import { Login } from './pages/Login'
import { Signup } from './pages/Signup'
import { SupportHub } from './pages/SupportHub'
import { TicketDetail } from './pages/TicketDetail'
import { SearchPage } from './search/SearchPage'
import type { Role } from './types'
import { WebhooksPage } from './webhooks/WebhooksPage'
import { Card, PageTitle, useTitle } from './ui'

/** Pages for some roles only: others are sent to sign in, or told the page is not for them. */
function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { session } = useAuth()
  const location = useLocation()
  if (!session) {
    // with the query: a deep link such as /search?q=… survives signing in
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
  }
  if (!roles.includes(session.role)) {
    return <NotForYou home={homeFor(session.role)} />
  }
  return <>{children}</>
}

function NotForYou({ home }: { home: string }) {
  useTitle('Not available')
  return (
    <Card>
      <PageTitle>Not available for your account</PageTitle>
      <p className="mb-4">This page is for another role.</p>
      <Link className="font-semibold text-blue-800 underline" to={home}>
        Go to your start page
      </Link>
    </Card>
  )
}

function NotFound() {
  useTitle('Not found')
  return (
    <Card>
      <PageTitle>Page not found</PageTitle>
      <Link className="font-semibold text-blue-800 underline" to="/">
        Go to the start page
      </Link>
    </Card>
  )
}

export function App() {
  return (
    <AuthProvider>
      <NotificationsProvider>
        <Layout>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/login" element={<Login />} />
            <Route path="/signup" element={<Signup />} />
            <Route path="/support-agent-register" element={<AgentRegister />} />
            <Route path="/support/faq" element={<Faq />} />
            <Route path="/support" element={<RequireRole roles={['customer']}><SupportHub /></RequireRole>} />
            <Route path="/support/tickets/:ticketId" element={<RequireRole roles={['customer', 'agent', 'admin']}><TicketDetail /></RequireRole>} />
            <Route path="/agent/dashboard" element={<RequireRole roles={['agent', 'admin']}><AgentDashboard /></RequireRole>} />
            <Route path="/search" element={<RequireRole roles={['customer', 'agent', 'admin']}><SearchPage /></RequireRole>} />
            <Route path="/admin/support/:section?" element={<RequireRole roles={['admin']}><AdminSupport /></RequireRole>} />
            <Route path="/admin/webhooks/:webhookId?" element={<RequireRole roles={['admin']}><WebhooksPage /></RequireRole>} />
            {/* e-mail: notification preferences, and the ticket links mails carry */}
            <Route path="/preferences" element={<RequireRole roles={['customer', 'agent', 'admin']}><PreferencesPage /></RequireRole>} />
            <Route path="/tickets/:ticketId" element={<TicketLink />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Layout>
      </NotificationsProvider>
    </AuthProvider>
  )
}
