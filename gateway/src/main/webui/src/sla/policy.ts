import type { FieldErrors, ProblemFieldError } from '../api'
import { PRIORITIES, type Priority } from '../types'

/**
 * The SLA policy as GET/PUT /api/admin/sla/policy/ carry it, the editor's draft of it (text as typed),
 * the checks the service makes too, and the way back from the service's error paths to the fields.
 */

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const
export type Day = (typeof DAYS)[number]
export const DAY_LABEL: Record<Day, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
}

export interface BusinessHours {
  day: Day
  start: string
  end: string
}

export interface Targets {
  firstResponseMinutes: number
  resolutionMinutes: number
}

export interface SlaPolicy {
  timeZone: string
  businessHours: BusinessHours[]
  holidays: string[]
  targets: Record<Priority, Targets>
  version: number
  updatedAt?: string
}

export type TargetField = keyof Targets
export const TARGET_FIELDS: TargetField[] = ['firstResponseMinutes', 'resolutionMinutes']

export interface HoursDraft {
  start: string
  end: string
}

export interface PolicyDraft {
  timeZone: string
  hours: Record<Day, HoursDraft[]>
  holidays: string[]
  targets: Record<Priority, Record<TargetField, string>>
  version: number
}

/** The service's limits. */
export const LIMITS = { targetMinutes: 525_600, holidays: 366 } as const

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/
const WHOLE = /^\d+$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** "09:30" → 570, "24:00" → 1440 (an end only), anything else → null. */
export function minutesOfDay(text: string, end = false): number | null {
  const t = text.trim()
  if (end && t === '24:00') return 1440
  if (!TIME.test(t)) return null
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3))
}

/** A real calendar day written as yyyy-MM-dd (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text)
  if (!m) return false
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3])
}

/** The zones the browser knows, and UTC (some browsers leave it out of the list). */
export function knownTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return zones.includes('UTC') ? [...zones] : ['UTC', ...zones]
}

export function emptyHours(): Record<Day, HoursDraft[]> {
  return Object.fromEntries(DAYS.map((d) => [d, []])) as unknown as Record<Day, HoursDraft[]>
}

export function draftOf(policy: SlaPolicy): PolicyDraft {
  const hours = emptyHours()
  for (const h of policy.businessHours ?? []) {
    if (hours[h.day]) hours[h.day].push({ start: h.start, end: h.end })
  }
  for (const day of DAYS) hours[day].sort((a, b) => a.start.localeCompare(b.start))
  const targets = Object.fromEntries(
    PRIORITIES.map((p) => [
      p,
      {
        firstResponseMinutes: String(policy.targets?.[p]?.firstResponseMinutes ?? ''),
        resolutionMinutes: String(policy.targets?.[p]?.resolutionMinutes ?? ''),
      },
    ]),
  ) as PolicyDraft['targets']
  return { timeZone: policy.timeZone, hours, holidays: [...(policy.holidays ?? [])].sort(), targets, version: policy.version }
}

/** The business hours in the order they are sent, each with the key of its fields in the form. */
function hoursInOrder(d: PolicyDraft): { key: string; day: Day; hours: HoursDraft }[] {
  return DAYS.flatMap((day) => d.hours[day].map((hours, i) => ({ key: `hours.${day}.${i}`, day, hours })))
}

/** The PUT body (the draft must have passed validatePolicy: numbers are whole). */
export function policyBody(d: PolicyDraft): Omit<SlaPolicy, 'updatedAt'> {
  return {
    timeZone: d.timeZone,
    businessHours: hoursInOrder(d).map(({ day, hours }) => ({ day, start: hours.start.trim(), end: hours.end.trim() })),
    holidays: [...d.holidays],
    targets: Object.fromEntries(
      PRIORITIES.map((p) => [p, { firstResponseMinutes: Number(d.targets[p].firstResponseMinutes.trim()), resolutionMinutes: Number(d.targets[p].resolutionMinutes.trim()) }]),
    ) as Record<Priority, Targets>,
    version: d.version,
  }
}

/** A typed number of whole minutes, null when it is not one. */
function wholeMinutes(text: string): number | null {
  const t = text.trim()
  return WHOLE.test(t) && t.length <= 9 ? Number(t) : null
}

/**
 * The rules the service checks too, keyed by field: `timeZone`, `businessHours` (none at all),
 * `hours.<DAY>` (overlaps), `hours.<DAY>.<i>.start|end`, `holidays`, `holidays.<i>`,
 * `targets.<PRIORITY>.firstResponseMinutes|resolutionMinutes`.
 */
export function validatePolicy(d: PolicyDraft, zones: readonly string[]): FieldErrors {
  const e: FieldErrors = {}
  if (!d.timeZone) e.timeZone = 'Choose a time zone.'
  else if (!zones.includes(d.timeZone)) e.timeZone = 'Choose a time zone from the list.'

  let open = 0
  for (const day of DAYS) {
    const spans: { from: number; to: number }[] = []
    d.hours[day].forEach((h, i) => {
      const key = `hours.${day}.${i}`
      const from = minutesOfDay(h.start)
      const to = minutesOfDay(h.end, true)
      if (from === null) e[`${key}.start`] = 'A time like 09:00 (00:00 to 23:59).'
      if (to === null) e[`${key}.end`] = 'A time like 17:00 (00:01 to 24:00).'
      if (from !== null && to !== null) {
        if (to <= from) e[`${key}.end`] = 'Must be after the start.'
        else spans.push({ from, to })
      }
    })
    open += d.hours[day].length
    spans.sort((a, b) => a.from - b.from)
    if (spans.some((s, i) => i > 0 && s.from < spans[i - 1].to)) e[`hours.${day}`] = 'These hours overlap.'
  }
  if (open === 0) e.businessHours = 'Open on at least one day: without business hours no clock could ever end.'

  if (d.holidays.length > LIMITS.holidays) e.holidays = `At most ${LIMITS.holidays} holidays.`
  const seen = new Set<string>()
  d.holidays.forEach((h, i) => {
    if (!isIsoDate(h)) e[`holidays.${i}`] = 'A date like 2026-12-25.'
    else if (seen.has(h)) e[`holidays.${i}`] = 'This day is listed twice.'
    seen.add(h)
  })

  for (const p of PRIORITIES) {
    const values: Partial<Record<TargetField, number>> = {}
    for (const f of TARGET_FIELDS) {
      const n = wholeMinutes(d.targets[p][f])
      if (n === null || n < 1 || n > LIMITS.targetMinutes) e[`targets.${p}.${f}`] = `Whole minutes, 1 to ${LIMITS.targetMinutes.toLocaleString('en')} (a year).`
      else values[f] = n
    }
    if (values.firstResponseMinutes !== undefined && values.resolutionMinutes !== undefined && values.resolutionMinutes < values.firstResponseMinutes) {
      e[`targets.${p}.resolutionMinutes`] = 'At least the first-response target.'
    }
  }
  return e
}

/** The parts of a path like `put.body.businessHours[2].end` or `targets.HIGH.resolutionMinutes`. */
function pathParts(field: string): string[] {
  return field.split(/[.[\]]+/).filter(Boolean)
}

const ROOTS = new Set(['timeZone', 'businessHours', 'holidays', 'targets'])

/**
 * The form field a service error names (its path into the PUT body, whatever prefix the service puts
 * before it), '' when it is about no field of the form (shown above the form).
 */
export function formFieldOf(field: string, d: PolicyDraft): string {
  const parts = pathParts(field)
  const at = parts.findIndex((p) => ROOTS.has(p))
  if (at < 0) return ''
  const [root, second, third] = parts.slice(at)
  switch (root) {
    case 'timeZone':
      return 'timeZone'
    case 'businessHours': {
      const entry = second !== undefined && WHOLE.test(second) ? hoursInOrder(d)[Number(second)] : undefined
      if (!entry) return 'businessHours'
      return third === 'start' || third === 'end' ? `${entry.key}.${third}` : `hours.${entry.day}`
    }
    case 'holidays':
      return second !== undefined && WHOLE.test(second) && Number(second) < d.holidays.length ? `holidays.${second}` : 'holidays'
    default: {
      const priority = PRIORITIES.find((p) => p === second)
      if (!priority) return 'targets'
      return TARGET_FIELDS.find((f) => f === third) ? `targets.${priority}.${third}` : `targets.${priority}.firstResponseMinutes`
    }
  }
}

/** A 400's `errors[]` as the form's field errors (messages for one field joined). */
export function serverFieldErrors(errors: readonly ProblemFieldError[], d: PolicyDraft): FieldErrors {
  const out: FieldErrors = {}
  for (const { field, message } of errors) {
    const key = formFieldOf(field, d)
    out[key] = out[key] ? `${out[key]}; ${message}` : message
  }
  return out
}
