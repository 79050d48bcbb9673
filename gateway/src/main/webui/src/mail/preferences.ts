/** The notification preferences as GET/PUT /api/notifications/preferences/ carry them. */
export interface KindSetting {
  /** present for kinds the person is notified of in the app */
  inApp?: boolean
  /** present for kinds mailed to the person */
  email?: boolean
}

export type Language = 'en' | 'de'

export interface Preferences {
  kinds: Record<string, KindSetting>
  language: Language
}

export const LANGUAGES: { value: Language; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch' },
]

const PREFIX = 'com.logishift.support.'

/** What each kind (a CloudEvent type) means to a person, in the order the page lists them. */
const KIND_LABEL: Record<string, string> = {
  'ticket.created': 'New tickets',
  'ticket.assigned': 'Ticket assigned',
  'ticket.unassigned': 'Ticket back in the queue',
  'ticket.status-changed': 'Status changes (resolved, reopened …)',
  'ticket.message-added': 'Replies and messages',
  'ticket.note-added': 'Internal notes',
  'ticket.feedback-submitted': 'Customer feedback',
  'ticket.sla-warning': 'SLA warnings',
  'ticket.sla-breached': 'SLA breaches',
  'account.registered': 'Agent registrations',
  'agent.deactivated': 'Agent deactivated',
  'agent.reactivated': 'Agent reactivated',
}

function shortName(kind: string): string {
  const name = kind.startsWith(PREFIX) ? kind.slice(PREFIX.length) : kind
  return name.replace(/\.v\d+$/, '')
}

/** A kind's label; one this page does not know yet shows as its short name. */
export function kindLabel(kind: string): string {
  return KIND_LABEL[shortName(kind)] ?? shortName(kind)
}

/** The kinds in a stable order: the known ones as listed above, then any others by name. */
export function orderedKinds(kinds: Record<string, KindSetting>): string[] {
  const order = Object.keys(KIND_LABEL)
  const rank = (kind: string) => {
    const i = order.indexOf(shortName(kind))
    return i < 0 ? order.length : i
  }
  return Object.keys(kinds).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}
