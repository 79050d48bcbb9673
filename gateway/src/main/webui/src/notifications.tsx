import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { api } from './api'
import { useAuth } from './auth'
import type { Notification, Page } from './types'

/**
 * The signed-in person's notifications: the unread count (fetched, then kept current by the live
 * stream) and a way for pages to hear about new ones. The stream is opened with a one-time ticket
 * (POST /api/notifications/stream-ticket/ with the bearer token), because EventSource cannot send
 * an Authorization header; the token itself never appears in the stream's URL.
 */
interface NotificationsState {
  unread: number
  live: boolean
  latest: Notification[]
  refresh: () => Promise<void>
  markRead: (id: string) => Promise<void>
  markAllRead: () => Promise<void>
  subscribe: (listener: (n: Notification) => void) => () => void
}

const NotificationsContext = createContext<NotificationsState | null>(null)

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { session } = useAuth()
  const [unread, setUnread] = useState(0)
  const [live, setLive] = useState(false)
  const [latest, setLatest] = useState<Notification[]>([])
  const listeners = useRef(new Set<(n: Notification) => void>())
  const token = session?.token

  const refresh = useCallback(async () => {
    if (!token) return
    const [count, page] = await Promise.all([
      api<{ count: number }>('GET', '/api/notifications/unread-count/'),
      api<Page<Notification>>('GET', '/api/notifications/?size=10'),
    ])
    setUnread(count.count)
    setLatest(page.items)
  }, [token])

  useEffect(() => {
    setUnread(0)
    setLatest([])
    setLive(false)
    if (!token) return
    let source: EventSource | null = null
    let retryTimer: number | undefined
    let attempts = 0
    let stopped = false

    const connect = async () => {
      if (stopped) return
      try {
        const { ticket } = await api<{ ticket: string }>('POST', '/api/notifications/stream-ticket/')
        if (stopped) return
        source = new EventSource(`/api/notifications/stream/?ticket=${encodeURIComponent(ticket)}`)
        source.addEventListener('ready', () => {
          attempts = 0
          setLive(true)
          // whatever arrived while the stream was down
          refresh().catch(() => {})
        })
        source.addEventListener('notification', (event) => {
          let n: Notification
          try {
            n = JSON.parse((event as MessageEvent<string>).data)
          } catch {
            return
          }
          if (!n.read) setUnread((c) => c + 1)
          setLatest((list) => [n, ...list.filter((x) => x.id !== n.id)].slice(0, 10))
          listeners.current.forEach((l) => l(n))
        })
        source.onerror = () => {
          // the one-time ticket cannot be reused: close, then reconnect with a new one
          source?.close()
          source = null
          setLive(false)
          scheduleReconnect()
        }
      } catch {
        scheduleReconnect()
      }
    }
    const scheduleReconnect = () => {
      if (stopped) return
      attempts += 1
      const delay = Math.min(30_000, 1000 * 2 ** Math.min(attempts, 5))
      retryTimer = window.setTimeout(connect, delay)
    }

    refresh().catch(() => {})
    connect()
    return () => {
      stopped = true
      window.clearTimeout(retryTimer)
      source?.close()
    }
  }, [token, refresh])

  const markRead = useCallback(async (id: string) => {
    await api('POST', `/api/notifications/${id}/read/`)
    setLatest((list) => list.map((n) => (n.id === id ? { ...n, read: true } : n)))
    setUnread((c) => Math.max(0, c - 1))
  }, [])

  const markAllRead = useCallback(async () => {
    await api('POST', '/api/notifications/read-all/')
    setLatest((list) => list.map((n) => ({ ...n, read: true })))
    setUnread(0)
  }, [])

  const subscribe = useCallback((listener: (n: Notification) => void) => {
    listeners.current.add(listener)
    return () => {
      listeners.current.delete(listener)
    }
  }, [])

  const value = useMemo(
    () => ({ unread, live, latest, refresh, markRead, markAllRead, subscribe }),
    [unread, live, latest, refresh, markRead, markAllRead, subscribe],
  )
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>
}

export function useNotifications(): NotificationsState {
  const state = useContext(NotificationsContext)
  if (!state) throw new Error('useNotifications outside NotificationsProvider')
  return state
}

/** Calls `listener` for every live notification while the component is mounted. */
export function useLiveNotifications(listener: (n: Notification) => void) {
  const { subscribe } = useNotifications()
  const ref = useRef(listener)
  ref.current = listener
  useEffect(() => subscribe((n) => ref.current(n)), [subscribe])
}
