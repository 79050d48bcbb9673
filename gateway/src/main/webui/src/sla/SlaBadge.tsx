import { useEffect, useRef, useState } from 'react'
import type { SlaClock, Ticket, TicketSla } from '../types'
import { CLOCK_LABEL, describeClock, formatDue, listClock, nextRefreshDelay, type ClockKind, type ClockTone } from './clock'

/** How often a badge recomputes its time left from the due time. */
export const TICK_MS = 30_000

/** The current time, renewed every `everyMs`: what makes "2 h 10 min left" count down. */
export function useNow(everyMs = TICK_MS): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs)
    return () => window.clearInterval(timer)
  }, [everyMs])
  return now
}

/**
 * Reads the data again shortly after the nearest running clock reaches its due time (and every 30 s
 * while one is past it), so a badge turns from "overdue" into the server's "breached" without a reload.
 */
export function useDueRefresh(tickets: readonly Ticket[] | null, reload: () => void) {
  const again = useRef(reload)
  again.current = reload
  useEffect(() => {
    const delay = tickets ? nextRefreshDelay(tickets, Date.now()) : null
    if (delay === null) return
    const timer = window.setTimeout(() => again.current(), delay)
    return () => window.clearTimeout(timer)
  }, [tickets])
}

const TONE_CLASS: Record<ClockTone, string> = {
  running: 'border-slate-300 bg-white text-slate-800',
  soon: 'border-amber-400 bg-amber-50 text-amber-950',
  late: 'border-red-400 bg-red-50 text-red-900',
  paused: 'border-purple-300 bg-purple-50 text-purple-900',
  met: 'border-green-300 bg-green-50 text-green-900',
}

/** A shape per tone besides the colour (hidden from screen readers: the text says it). */
const TONE_ICON: Record<ClockTone, string> = { running: '◷', soon: '◷', late: '!', paused: '‖', met: '✓' }

/**
 * One clock as a badge: "First response: 2 h 10 min left". The due time in the viewer's time zone is
 * the tooltip and is read out to screen readers; the text, not only the colour, tells the state.
 */
export function SlaBadge({ kind, clock, now }: { kind: ClockKind; clock: SlaClock; now: number }) {
  const view = describeClock(clock, now)
  const due = clock.dueAt ? formatDue(clock.dueAt) : null
  const dueText = due ? `${view.status === 'MET' ? 'was due' : 'due'} ${due}` : null
  return (
    <span
      data-sla={kind}
      data-sla-status={clock.status}
      data-sla-tone={view.tone}
      title={dueText ? `${CLOCK_LABEL[kind]} ${dueText}` : undefined}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${TONE_CLASS[view.tone]}`}
    >
      <span aria-hidden="true">{TONE_ICON[view.tone]}</span>
      <span>
        {CLOCK_LABEL[kind]}: {view.text}
        {dueText && <span className="sr-only"> ({dueText})</span>}
      </span>
    </span>
  )
}

/** The clock that matters now on a staff list row (nothing for a customer's view without SLA data). */
export function TicketSlaBadge({ ticket }: { ticket: Ticket }) {
  const now = useNow()
  const shown = listClock(ticket)
  if (!shown) return null
  return <SlaBadge kind={shown.kind} clock={shown.clock} now={now} />
}

/** Both clocks, for the staff ticket page. */
export function SlaClocks({ sla }: { sla: TicketSla }) {
  const now = useNow()
  return (
    <span role="group" aria-label="Service level" className="flex flex-wrap items-center gap-2">
      {sla.firstResponse && <SlaBadge kind="firstResponse" clock={sla.firstResponse} now={now} />}
      {sla.resolution && <SlaBadge kind="resolution" clock={sla.resolution} now={now} />}
    </span>
  )
}
