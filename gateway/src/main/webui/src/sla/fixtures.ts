import type { Day, SlaPolicy } from './policy'
import type { Ticket } from '../types'

/** Test data shared by the SLA unit tests (not part of the app's bundle: nothing else imports it). */

export const NOW = Date.parse('2026-12-06T12:00:00Z')
export const MIN = 60_000
/** The instant `ms` after NOW, as the API writes it. */
export const at = (ms: number) => new Date(NOW + ms).toISOString()

/** A staff view of an open High ticket without clocks; tests add theirs. */
export const TICKET: Ticket = {
  id: 't-1',
  reference: 'SUP-000123',
  subject: 'Late',
  description: '',
  category: 'LATE',
  priority: 'HIGH',
  status: 'OPEN',
  createdAt: at(-MIN),
  updatedAt: at(-MIN),
}

/** 09:00–17:00 on each of these days, in the API's shape. */
export function nineToFive(...days: Day[]) {
  return days.map((day) => ({ day, start: '09:00', end: '17:00' }))
}

/** The contract's default: Monday to Friday 09:00–17:00 in Berlin, its targets, one holiday. */
export const DEFAULT_POLICY: SlaPolicy = {
  timeZone: 'Europe/Berlin',
  businessHours: nineToFive('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'),
  holidays: ['2026-12-25'],
  targets: {
    HIGH: { firstResponseMinutes: 60, resolutionMinutes: 480 },
    MEDIUM: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
    LOW: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
  },
  version: 3,
  updatedAt: '2026-12-06T12:00:00Z',
}
