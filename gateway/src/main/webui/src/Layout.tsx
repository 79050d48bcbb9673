import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { LinkNav } from './components/LinkNav'
import { homeFor, useAuth } from './auth'
import { useNotifications } from './notifications'
import { ROLE_LABEL, type Role } from './types'
import { formatDate } from './ui'
import { SearchBox } from './search/SearchBox'

interface NavItem {
  to: string
  label: string
}

/** Only what the signed-in role may use. */
function navFor(role: Role | null): NavItem[] {
  switch (role) {
    case 'customer':
      return [
        { to: '/support', label: 'My tickets' },
        { to: '/support/faq', label: 'FAQ' },
      ]
    case 'agent':
      return [
        { to: '/agent/dashboard', label: 'Agent dashboard' },
        { to: '/support/faq', label: 'FAQ' },
      ]
    case 'admin':
      return [
        { to: '/admin/support', label: 'Support management' },
        { to: '/agent/dashboard', label: 'Ticket queue' },
        { to: '/admin/webhooks', label: 'Webhooks' },
        { to: '/support/faq', label: 'FAQ' },
      ]
    default:
      return [
        { to: '/support/faq', label: 'FAQ' },
        { to: '/support-agent-register', label: 'Become an agent' },
      ]
  }
}

function Bell() {
  const { unread, latest, live, markRead, markAllRead } = useNotifications()
  const [open, setOpen] = useState(false)
  const panel = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const navigate = useNavigate()

  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false)
        button.current?.focus()
      }
    }
    const onClick = (e: MouseEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('mousedown', onClick)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('mousedown', onClick)
    }
  }, [open])

  // the accessible name contains what the badge shows ("99+"), so speech users can say what they see
  const shown = unread > 99 ? '99+' : String(unread)
  const label = `Notifications: ${shown} unread`
  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls="notification-panel"
        data-live={live}
        onClick={() => setOpen((o) => !o)}
        className="relative rounded-full p-2 text-white hover:bg-blue-800"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 && (
          <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-bold text-white">
            {shown}
          </span>
        )}
      </button>
      <span className="sr-only" aria-live="polite">
        {unread > 0 ? `${unread} unread notifications` : ''}
      </span>
      {open && (
        <div
          ref={panel}
          id="notification-panel"
          role="region"
          aria-label="Notifications"
          className="fixed inset-x-2 top-16 z-20 max-h-[70vh] overflow-y-auto rounded-lg border border-slate-200 bg-white text-slate-900 shadow-xl sm:absolute sm:inset-x-auto sm:top-12 sm:right-0 sm:w-96"
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2">
            <h2 className="font-semibold">Notifications</h2>
            <button type="button" className="text-sm text-blue-800 underline disabled:text-slate-400" disabled={unread === 0} onClick={() => markAllRead().catch(() => {})}>
              Mark all as read
            </button>
          </div>
          {latest.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-slate-600">No notifications yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {latest.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    className={`block w-full px-4 py-3 text-left hover:bg-slate-50 ${n.read ? '' : 'bg-blue-50'}`}
                    onClick={() => {
                      if (!n.read) markRead(n.id).catch(() => {})
                      setOpen(false)
                      if (n.ticketId) navigate(`/support/tickets/${n.ticketId}`)
                    }}
                  >
                    <span className="block text-sm font-semibold wrap-anywhere">
                      {!n.read && <span className="sr-only">Unread: </span>}
                      {n.title}
                    </span>
                    <span className="block text-sm wrap-anywhere text-slate-700">{n.body}</span>
                    <span className="block text-xs text-slate-600">{formatDate(n.createdAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const { session, signOut } = useAuth()
  const location = useLocation()
  const main = useRef<HTMLElement>(null)
  const items = navFor(session?.role ?? null)

  // move focus to the new page for keyboard and screen-reader users
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    main.current?.focus()
  }, [location.pathname])

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="bg-blue-700 text-white shadow">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
          <Link to={session ? homeFor(session.role) : '/'} className="mr-auto py-2 text-lg font-bold tracking-tight">
            logiShift <span className="font-normal">Support</span>
          </Link>
          {session ? (
            <>
              {session.role !== 'customer' && <SearchBox variant="header" />}
              <Bell />
              <span className="hidden text-sm md:inline" data-testid="signed-in-as">
                {session.name} · {ROLE_LABEL[session.role]}
              </span>
              {/* e-mail: every signed-in person's notification preferences */}
              <Link to="/preferences" className="rounded-md px-3 py-1.5 text-sm font-semibold hover:bg-blue-800">
                Preferences
              </Link>
              <button type="button" onClick={() => signOut()} className="rounded-md border border-white/60 px-3 py-1.5 text-sm font-semibold hover:bg-blue-800">
                Sign out
              </button>
            </>
          ) : (
            <>
              <Link to="/login" className="rounded-md px-3 py-1.5 text-sm font-semibold hover:bg-blue-800">
                Sign in
              </Link>
              <Link to="/signup" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-blue-800 hover:bg-blue-50">
                Sign up
              </Link>
            </>
          )}
        </div>
        <LinkNav
          label="Main"
          navClass="bg-blue-800"
          listClass="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2"
          // the admin page's sections are pages below it
          items={items.map((item) => ({ ...item, end: item.to !== '/admin/support' }))}
          linkClass={(current) => `py-2 text-sm font-medium ${current ? 'border-white text-white' : 'border-transparent text-blue-100 hover:text-white'}`}
        />
      </header>
      <main id="main" ref={main} tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:py-8">
        {children}
      </main>
      <footer className="border-t border-slate-200 py-4 text-center text-xs text-slate-500">logiShift Support</footer>
    </div>
  )
}
