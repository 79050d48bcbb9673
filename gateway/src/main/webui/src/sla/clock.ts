import type { SlaClock, Ticket } from '../types'

export type ClockKind = 'firstResponse' | 'resolution'

export const CLOCK_LABEL: Record<ClockKind, string> = { firstResponse: 'First response', resolution: 'Resolution' }

/** How a clock looks: the tone picks colour and icon, the text always says the same without them. */
export type ClockTone = 'running' | 'soon' | 'late' | 'paused' | 'met'

export interface ClockView {
  status: SlaClock['status']
  /** "2 h 10 min left", "paused · 5 h left", "met", "breached 35 min ago", "overdue". */
  text: string
  tone: ClockTone
}

const MINUTE = 60_000
/** A running clock with less than this left is shown as due soon. */
const SOON_MS = 60 * MINUTE

/** 130 → "2 h 10 min", 0.5 → "less than 1 min", 1500 → "1 d 1 h" (whole minutes, rounded down). */
export function formatMinutes(minutes: number): string {
  const m = Number.isFinite(minutes) ? Math.floor(Math.max(0, minutes)) : 0
  if (m < 1) return 'less than 1 min'
  if (m < 60) return `${m} min`
  const hours = Math.floor(m / 60)
  const rest = m % 60
  if (hours < 24) return rest ? `${hours} h ${rest} min` : `${hours} h`
  const days = Math.floor(hours / 24)
  const restHours = hours % 24
  return restHours ? `${days} d ${restHours} h` : `${days} d`
}

function parse(iso: string | null | undefined): number | null {
  if (!iso) return null
  const t = Date.parse(iso)
  return Number.isNaN(t) ? null : t
}

/**
 * What a clock says at `now` (ms since the epoch). A running clock's time left is counted from its
 * `dueAt` on the wall clock, so it ticks between two reads of the ticket; the server's business
 * minutes are used only while paused or when there is no due time.
 */
export function describeClock(clock: SlaClock, now: number): ClockView {
  const due = parse(clock.dueAt)
  switch (clock.status) {
    case 'MET':
      return { status: 'MET', text: 'met', tone: 'met' }
    case 'PAUSED':
      return {
        status: 'PAUSED',
        text: clock.remainingMinutes == null ? 'paused' : `paused · ${formatMinutes(clock.remainingMinutes)} left`,
        tone: 'paused',
      }
    case 'BREACHED': {
      if (due === null) return { status: 'BREACHED', text: 'breached', tone: 'late' }
      const ago = now - due
      return { status: 'BREACHED', text: ago < MINUTE ? 'breached just now' : `breached ${formatMinutes(ago / MINUTE)} ago`, tone: 'late' }
    }
    default: {
      if (due === null) {
        if (clock.remainingMinutes == null) return { status: 'RUNNING', text: 'running', tone: 'running' }
        if (clock.remainingMinutes <= 0) return { status: 'RUNNING', text: 'overdue', tone: 'late' }
        return { status: 'RUNNING', text: `${formatMinutes(clock.remainingMinutes)} left`, tone: clock.remainingMinutes * MINUTE < SOON_MS ? 'soon' : 'running' }
      }
      const left = due - now
      // past its due but not yet reported breached (the server's check runs every few seconds)
      if (left <= 0) return { status: 'RUNNING', text: 'overdue', tone: 'late' }
      return { status: 'RUNNING', text: `${formatMinutes(left / MINUTE)} left`, tone: left < SOON_MS ? 'soon' : 'running' }
    }
  }
}

/** "6 Dec 2026, 14:30 UTC" in the viewer's own time zone and language (or the given ones), with the zone named. */
export function formatDue(iso: string, timeZone?: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(new Date(iso))
}

/**
 * The clock a list row shows: first response while nobody has answered yet (running, or breached
 * and still waiting) on a ticket that is not finished, otherwise resolution. Null without SLA data
 * (a customer's view).
 */
export function listClock(ticket: Ticket): { kind: ClockKind; clock: SlaClock } | null {
  const sla = ticket.sla
  // a merged duplicate's clocks stopped at the merge: "met" would claim an answer nobody gave
  if (!sla || ticket.mergedIntoId) return null
  const first = sla.firstResponse
  const finished = ticket.status === 'RESOLVED' || ticket.status === 'CLOSED'
  if (first && !finished && !ticket.firstResponseAt && (first.status === 'RUNNING' || first.status === 'BREACHED')) {
    return { kind: 'firstResponse', clock: first }
  }
  return sla.resolution ? { kind: 'resolution', clock: sla.resolution } : null
}

/** Read again a little after a due time, so that "overdue" turns into the server's "breached". */
const AFTER_DUE_MS = 3_000
/** While a clock is past its due and still running, read again this often. */
const OVERDUE_RETRY_MS = 30_000
/** setTimeout cannot wait longer than ~24 days; a page open that long reads again every 6 h anyway. */
const MAX_WAIT_MS = 6 * 60 * MINUTE

/** How long until the tickets should be read again for a running clock to reach its due (null: no running clock). */
export function nextRefreshDelay(tickets: readonly Ticket[], now: number): number | null {
  let best: number | null = null
  for (const t of tickets) {
    for (const clock of [t.sla?.firstResponse, t.sla?.resolution]) {
      if (!clock || clock.status !== 'RUNNING') continue
      const due = parse(clock.dueAt)
      if (due === null) continue
      const wait = due > now ? Math.min(MAX_WAIT_MS, due - now + AFTER_DUE_MS) : OVERDUE_RETRY_MS
      if (best === null || wait < best) best = wait
    }
  }
  return best
}
