import { useEffect, useRef, useState } from 'react'
import { authorizedFetch } from '../api'
import type { TimelineEntry } from '../types'

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'unavailable'

export interface SseEvent {
  event: string
  data: string
  id?: string
}

/**
 * A parser of the text/event-stream format (WHATWG HTML §9.2.6), fed chunk by chunk: lines may be split
 * across chunks, `data` lines join with "\n", comments (keep-alives) are dropped, an empty line
 * dispatches.
 */
export function sseParser(onEvent: (e: SseEvent) => void): (chunk: string) => void {
  let buffer = ''
  let event = ''
  let data: string[] = []
  let id: string | undefined
  let lastWasCr = false
  const line = (text: string) => {
    if (text === '') {
      if (data.length) onEvent({ event: event || 'message', data: data.join('\n'), id })
      event = ''
      data = []
      id = undefined
      return
    }
    if (text.startsWith(':')) return
    const colon = text.indexOf(':')
    const field = colon < 0 ? text : text.slice(0, colon)
    let value = colon < 0 ? '' : text.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
    else if (field === 'id' && !value.includes('\0')) id = value
  }
  return (chunk: string) => {
    // a "\r\n" split between two chunks is one line end, not two
    if (lastWasCr && chunk.startsWith('\n')) chunk = chunk.slice(1)
    lastWasCr = chunk.endsWith('\r')
    buffer += chunk
    const parts = buffer.split(/\r\n|\r|\n/)
    buffer = parts.pop() ?? ''
    parts.forEach(line)
  }
}

const MAX_DELAY_MS = 30_000

/**
 * The ticket's live timeline: GET …/stream/?after=n with fetch() and the bearer token in the
 * Authorization header (EventSource cannot send one, and a token never goes into a URL). Every entry
 * with a seq above the last one seen is handed to `onEntry` once, in order; a dropped stream is
 * reopened after a growing pause (1 s … 30 s, or the server's Retry-After) from the last seq seen, so
 * the server replays what was missed. Opens once `after` is known (the page's first load), not before.
 */
export function useTicketStream(ticketId: string | undefined, after: number | null, onEntry: (e: TimelineEntry) => void): StreamState {
  const [state, setState] = useState<StreamState>('connecting')
  const last = useRef(0)
  const handler = useRef(onEntry)
  handler.current = onEntry
  const known = after !== null
  const initial = useRef(after)
  initial.current = after

  useEffect(() => {
    if (!ticketId || !known) return
    last.current = initial.current ?? 0
    const abort = new AbortController()
    let timer: number | undefined
    let attempts = 0
    let stopped = false
    setState('connecting')

    const retry = (delayMs?: number) => {
      if (stopped) return
      attempts += 1
      setState('reconnecting')
      const backoff = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(attempts - 1, 5))
      timer = window.setTimeout(connect, delayMs ?? backoff * (0.75 + Math.random() * 0.5))
    }

    const connect = async () => {
      if (stopped) return
      const path = `/api/support/tickets/${ticketId}/stream/?after=${last.current}`
      let response: Response
      try {
        response = await authorizedFetch(path, {
          headers: { Accept: 'text/event-stream', 'Last-Event-ID': String(last.current) },
          signal: abort.signal,
        })
      } catch {
        retry()
        return
      }
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        // the session ended, or the ticket is not (or no longer) this person's to read
        setState('unavailable')
        return
      }
      if (response.status === 429) {
        const seconds = Number(response.headers.get('Retry-After'))
        retry(Number.isFinite(seconds) && seconds > 0 ? Math.min(300, seconds) * 1000 : undefined)
        return
      }
      if (!response.ok || !response.body) {
        retry()
        return
      }
      const parse = sseParser((e) => {
        if (e.event === 'ready') {
          attempts = 0
          setState('live')
          return
        }
        if (e.event !== 'entry') return
        let entry: TimelineEntry
        try {
          entry = JSON.parse(e.data)
        } catch {
          return
        }
        if (typeof entry.seq !== 'number' || entry.seq <= last.current) return // already shown
        last.current = entry.seq
        handler.current(entry)
      })
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      try {
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          parse(value)
        }
      } catch {
        // dropped: reconnect below
      }
      if (!stopped) retry()
    }

    connect()
    return () => {
      stopped = true
      window.clearTimeout(timer)
      abort.abort()
    }
  }, [ticketId, known])

  return state
}
