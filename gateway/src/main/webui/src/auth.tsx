import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api, configureApi } from './api'
import type { Role } from './types'

/**
 * The signed-in person. The token lives in memory and in sessionStorage (so a reload keeps the
 * session in this tab only); it never goes into a URL or a log. The session ends on sign-out, when
 * the token's `exp` passes, or when the API rejects the token.
 */
export interface Session {
  token: string
  id: string
  role: Role
  name: string
  email: string
  expiresAt: number
}

interface AuthState {
  session: Session | null
  notice: string | null
  signIn: (email: string, password: string) => Promise<Session>
  signOut: (notice?: string) => void
  clearNotice: () => void
}

const STORAGE_KEY = 'logishift.session'
const NOTICE_KEY = 'logishift.notice'
const AuthContext = createContext<AuthState | null>(null)

function decode(token: string): Session | null {
  try {
    const payload = token.split('.')[1]
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='))
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))))
    const groups: string[] = claims.groups ?? []
    const role = (['admin', 'agent', 'customer'] as Role[]).find((r) => groups.includes(r))
    if (!role || typeof claims.exp !== 'number' || typeof claims.sub !== 'string') return null
    return {
      token,
      id: claims.sub,
      role,
      name: claims.name ?? claims.email ?? '',
      email: claims.email ?? '',
      expiresAt: claims.exp * 1000,
    }
  } catch {
    return null
  }
}

function restore(): Session | null {
  const token = sessionStorage.getItem(STORAGE_KEY)
  if (!token) return null
  const session = decode(token)
  if (!session || session.expiresAt <= Date.now()) {
    sessionStorage.removeItem(STORAGE_KEY)
    return null
  }
  return session
}

const EXPIRED = 'Your session has expired. Please sign in again.'

/**
 * The tab's session, read from sessionStorage when this module loads: the request code has the token
 * before any component renders, so the first requests of a reloaded page or a deep link carry it
 * (effects run child first: a page's first fetch happens before any effect of the AuthProvider).
 */
let current: Session | null = restore()

/** Ends a signed-in session: a fresh page, so nothing of it (token, live stream, data) survives in memory. */
function endSession(message?: string): boolean {
  sessionStorage.removeItem(STORAGE_KEY)
  if (current === null) return false
  current = null
  if (message) sessionStorage.setItem(NOTICE_KEY, message)
  window.location.replace('/login')
  return true
}

configureApi(
  () => current?.token ?? null,
  () => endSession(EXPIRED),
)

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => current)
  const [notice, setNotice] = useState<string | null>(() => {
    const flash = sessionStorage.getItem(NOTICE_KEY)
    sessionStorage.removeItem(NOTICE_KEY)
    return flash
  })

  const signOut = useCallback((message?: string) => {
    if (endSession(message)) return
    setSession(null)
    if (message) setNotice(message)
  }, [])

  // end the session when the token expires, even if the tab is idle
  useEffect(() => {
    if (!session) return
    const timer = window.setTimeout(() => signOut(EXPIRED), Math.max(0, session.expiresAt - Date.now()))
    return () => window.clearTimeout(timer)
  }, [session, signOut])

  // signing out in another tab of this browser does not share sessionStorage; nothing to sync

  const signIn = useCallback(async (email: string, password: string) => {
    const answer = await api<{ access_token: string }>('POST', '/api/auth/login/', { email, password }, { auth: false })
    const next = decode(answer.access_token)
    if (!next) throw new Error('The server sent a token this page cannot read.')
    sessionStorage.setItem(STORAGE_KEY, answer.access_token)
    current = next
    setSession(next)
    setNotice(null)
    return next
  }, [])

  const value = useMemo<AuthState>(
    () => ({ session, notice, signIn, signOut, clearNotice: () => setNotice(null) }),
    [session, notice, signIn, signOut],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext)
  if (!state) throw new Error('useAuth outside AuthProvider')
  return state
}

export function homeFor(role: Role): string {
  return role === 'admin' ? '/admin/support' : role === 'agent' ? '/agent/dashboard' : '/support'
}
