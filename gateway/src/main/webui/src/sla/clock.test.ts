import { describe, expect, it } from 'vitest'
import type { SlaClock, Ticket, TicketSla } from '../types'
import { describeClock, formatDue, formatMinutes, listClock, nextRefreshDelay } from './clock'
import { MIN, NOW, TICKET as BASE, at } from './fixtures'

const running = (dueInMs: number, remainingMinutes: number | null = Math.round(dueInMs / MIN)): SlaClock => ({ status: 'RUNNING', dueAt: at(dueInMs), remainingMinutes })

describe('formatMinutes', () => {
  it.each([
    [0, 'less than 1 min'],
    [0.99, 'less than 1 min'],
    [1, '1 min'],
    [59.9, '59 min'],
    [60, '1 h'],
    [130, '2 h 10 min'],
    [24 * 60 - 1, '23 h 59 min'],
    [24 * 60, '1 d'],
    [25 * 60 + 30, '1 d 1 h'],
    [525_600, '365 d'],
  ])('%d minutes → %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text)
  })

  it('never shows a negative or broken amount', () => {
    expect(formatMinutes(-30)).toBe('less than 1 min')
    expect(formatMinutes(Number.NaN)).toBe('less than 1 min')
  })
})

describe('describeClock', () => {
  it('counts a running clock down from its due time on the wall clock, not from the server minutes', () => {
    // the server's business minutes say 500; the wall clock says 2 h 10 min until the due time
    expect(describeClock(running(130 * MIN, 500), NOW)).toEqual({ status: 'RUNNING', text: '2 h 10 min left', tone: 'running' })
    // 30 s later (one tick) the same clock says less
    expect(describeClock(running(130 * MIN, 500), NOW + 30_000).text).toBe('2 h 9 min left')
  })

  it('marks the last hour as due soon and says "less than 1 min" before the due', () => {
    expect(describeClock(running(59 * MIN), NOW)).toMatchObject({ text: '59 min left', tone: 'soon' })
    expect(describeClock(running(20_000), NOW)).toMatchObject({ text: 'less than 1 min left', tone: 'soon' })
  })

  it('calls a running clock past its due "overdue" until the server reports it breached', () => {
    expect(describeClock(running(0), NOW)).toEqual({ status: 'RUNNING', text: 'overdue', tone: 'late' })
    expect(describeClock(running(-5 * MIN, -5), NOW)).toMatchObject({ text: 'overdue', tone: 'late' })
  })

  it('says how long ago a clock was breached', () => {
    const breached: SlaClock = { status: 'BREACHED', dueAt: at(-35 * MIN), remainingMinutes: -35 }
    expect(describeClock(breached, NOW)).toEqual({ status: 'BREACHED', text: 'breached 35 min ago', tone: 'late' })
    expect(describeClock({ ...breached, dueAt: at(-10_000) }, NOW).text).toBe('breached just now')
    expect(describeClock({ ...breached, dueAt: at(-26 * 60 * MIN) }, NOW).text).toBe('breached 1 d 2 h ago')
    expect(describeClock({ ...breached, dueAt: null }, NOW).text).toBe('breached')
  })

  it('shows a paused clock with its business minutes left, and a met one as met', () => {
    expect(describeClock({ status: 'PAUSED', dueAt: null, remainingMinutes: 300 }, NOW)).toEqual({ status: 'PAUSED', text: 'paused · 5 h left', tone: 'paused' })
    expect(describeClock({ status: 'PAUSED', dueAt: null, remainingMinutes: null }, NOW).text).toBe('paused')
    expect(describeClock({ status: 'MET', dueAt: at(-MIN), remainingMinutes: null }, NOW)).toEqual({ status: 'MET', text: 'met', tone: 'met' })
  })

  it('falls back to the server minutes when a running clock has no (or an unreadable) due time', () => {
    expect(describeClock({ status: 'RUNNING', dueAt: null, remainingMinutes: 42 }, NOW)).toMatchObject({ text: '42 min left', tone: 'soon' })
    expect(describeClock({ status: 'RUNNING', dueAt: 'yesterday\u0000', remainingMinutes: 600 }, NOW)).toMatchObject({ text: '10 h left', tone: 'running' })
    expect(describeClock({ status: 'RUNNING', dueAt: null, remainingMinutes: -3 }, NOW).text).toBe('overdue')
    expect(describeClock({ status: 'RUNNING', dueAt: null, remainingMinutes: null }, NOW).text).toBe('running')
  })
})

describe('formatDue', () => {
  it('shows the due time in the given zone (the browser zone by default), with the zone named', () => {
    const due = '2026-12-06T13:30:00Z'
    expect(formatDue(due, 'UTC', 'en-GB')).toBe('6 Dec 2026, 13:30 UTC')
    expect(formatDue(due, 'Asia/Tokyo', 'en-GB')).toBe('6 Dec 2026, 22:30 GMT+9')
    expect(formatDue(due, 'America/New_York', 'en-US')).toBe('Dec 6, 2026, 08:30 AM EST')
    // without a zone: the viewer's own (the test runs in whatever zone the machine has)
    expect(formatDue(due, undefined, 'en-GB')).toBe(formatDue(due, Intl.DateTimeFormat().resolvedOptions().timeZone, 'en-GB'))
  })
})

describe('listClock', () => {
  const base = BASE
  const met: SlaClock = { status: 'MET', dueAt: at(-MIN), remainingMinutes: null }
  const resolution = running(400 * MIN)

  it('shows nothing for a ticket without SLA data (what a customer gets)', () => {
    expect(listClock(base)).toBeNull()
    expect(listClock({ ...base, sla: null })).toBeNull()
  })

  it('shows first response until someone answered, then resolution', () => {
    const first = running(MIN)
    expect(listClock({ ...base, sla: { firstResponse: first, resolution } })).toEqual({ kind: 'firstResponse', clock: first })
    expect(listClock({ ...base, sla: { firstResponse: met, resolution } })).toEqual({ kind: 'resolution', clock: resolution })
  })

  it('shows nothing for a merged duplicate: its clocks stopped at the merge, nobody met them', () => {
    const stopped: TicketSla = { firstResponse: met, resolution: met }
    expect(listClock({ ...base, status: 'CLOSED', mergedIntoId: '7d0f8a52-5c36-4a55-9a36-0c1f0e8b2a11', sla: stopped })).toBeNull()
  })

  it('keeps showing a breached first response while nobody has answered, but not after', () => {
    const breached: SlaClock = { status: 'BREACHED', dueAt: at(-MIN), remainingMinutes: -1 }
    expect(listClock({ ...base, sla: { firstResponse: breached, resolution } })?.kind).toBe('firstResponse')
    expect(listClock({ ...base, firstResponseAt: at(0), sla: { firstResponse: breached, resolution } })?.kind).toBe('resolution')
    expect(listClock({ ...base, status: 'RESOLVED', sla: { firstResponse: breached, resolution: met } })).toEqual({ kind: 'resolution', clock: met })
  })
})

describe('nextRefreshDelay', () => {
  const ticket = (firstResponse: SlaClock, resolution: SlaClock): Ticket => ({ ...BASE, sla: { firstResponse, resolution } })
  const paused: SlaClock = { status: 'PAUSED', dueAt: null, remainingMinutes: 10 }

  it('reads again a little after the nearest running due time', () => {
    expect(nextRefreshDelay([ticket(running(MIN), running(10 * MIN)), ticket(running(5 * MIN), paused)], NOW)).toBe(MIN + 3_000)
  })

  it('retries every 30 s while a clock is past its due and still running', () => {
    expect(nextRefreshDelay([ticket(running(-MIN), running(10 * MIN))], NOW)).toBe(30_000)
  })

  it('waits at most 6 h, and not at all without a running clock', () => {
    expect(nextRefreshDelay([ticket(running(30 * 24 * 60 * MIN), paused)], NOW)).toBe(6 * 60 * MIN)
    expect(nextRefreshDelay([ticket(paused, { status: 'MET', dueAt: at(0), remainingMinutes: null })], NOW)).toBeNull()
    expect(nextRefreshDelay([], NOW)).toBeNull()
    expect(nextRefreshDelay([{ ...ticket(paused, paused), sla: undefined }], NOW)).toBeNull()
  })
})
