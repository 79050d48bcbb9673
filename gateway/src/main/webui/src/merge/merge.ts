import { api } from '../api'
import type { Ticket } from '../types'

/** A ticket the staff view suggests as a merge target: same customer, same delivery, not closed. */
export interface PossibleDuplicate {
  id: string
  reference: string
  subject: string
  status: Ticket['status']
  createdAt: string
}

/** Merges `sourceId` into `intoTicketId`; answers the target as staff see it. */
export function mergeTicket(sourceId: string, intoTicketId: string): Promise<Ticket> {
  return api<Ticket>('POST', `/api/support/tickets/${sourceId}/merge/`, { intoTicketId })
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A ticket id pasted from the address bar or a link: the id itself, or null. */
export function ticketIdFrom(text: string): string | null {
  const trimmed = text.trim()
  const fromLink = trimmed.match(/\/tickets\/([0-9a-f-]{36})/i)
  const id = fromLink ? fromLink[1] : trimmed
  return UUID.test(id) ? id.toLowerCase() : null
}
