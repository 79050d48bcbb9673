/** The webhook API's shapes (notification-service, /api/admin/webhooks/). */
export interface Webhook {
  id: string
  url: string
  description: string
  eventTypes: string[]
  enabled: boolean
  disabledReason?: 'GONE' | 'FAILING' | null
  disabledAt?: string | null
  failingSince?: string | null
  previousSecretExpiresAt?: string | null
  createdAt: string
  updatedAt: string
  /** Only in the answer of registering or rotating: shown once. */
  secret?: string
}

export interface WebhookAttempt {
  attempt: number
  startedAt: string
  durationMs: number
  responseCode: number | null
  error: string | null
  responseExcerpt: string | null
  nextAttemptAt: string | null
}

export interface WebhookDelivery {
  id: string
  eventId: string
  eventType: string
  status: 'PENDING' | 'DELIVERED' | 'FAILED'
  attempts: number
  createdAt: string
  lastAttemptAt: string | null
  lastResponseCode: number | null
  lastDurationMs: number | null
  lastError: string | null
  nextAttemptAt: string | null
  redeliveryOf: string | null
  attemptLog: WebhookAttempt[]
}

export const ALL_EVENTS = '*'

/** "com.logishift.support.ticket.status-changed.v1" → "ticket status-changed". */
export function eventLabel(type: string): string {
  if (type === ALL_EVENTS) return 'All ticket events'
  const short = type.replace(/^com\.logishift\.support\./, '').replace(/\.v\d+$/, '')
  return short.replace('.', ' ')
}

export const DISABLED_REASON: Record<string, string> = {
  GONE: 'the endpoint answered 410 Gone',
  FAILING: 'every delivery failed for 24 hours',
}
