import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
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

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(restore)
  const [notice, setNotice] = useState<string | null>(() => {
    const flash = sessionStorage.getItem(NOTICE_KEY)
    sessionStorage.removeItem(NOTICE_KEY)
    return flash
  })
  const sessionRef = useRef(session)
  sessionRef.current = session

  const signOut = useCallback(
    (message?: string) => {
      sessionStorage.removeItem(STORAGE_KEY)
      const wasSignedIn = sessionRef.current !== null
      sessionRef.current = null
      if (wasSignedIn) {
        // a fresh page: nothing of the session (token, live stream, cached data) survives in memory
        if (message) sessionStorage.setItem(NOTICE_KEY, message)
        window.location.replace('/login')
        return
      }
      setSession(null)
      if (message) setNotice(message)
    },
    [],
  )

  useEffect(() => {
    configureApi(
      () => sessionRef.current?.token ?? null,
      () => signOut('Your session has expired. Please sign in again.'),
    )
  }, [signOut])

  // end the session when the token expires, even if the tab is idle
  useEffect(() => {
    if (!session) return
    const timer = window.setTimeout(
      () => signOut('Your session has expired. Please sign in again.'),
      Math.max(0, session.expiresAt - Date.now()),
    )
    return () => window.clearTimeout(timer)
  }, [session, signOut])

  // signing out in another tab of this browser does not share sessionStorage; nothing to sync

  const signIn = useCallback(async (email: string, password: string) => {
    const answer = await api<{ access_token: string }>('POST', '/api/auth/login/', { email, password }, { auth: false })
    const next = decode(answer.access_token)
    if (!next) throw new Error('The server sent a token this page cannot read.')
    sessionStorage.setItem(STORAGE_KEY, answer.access_token)
    sessionRef.current = next
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
