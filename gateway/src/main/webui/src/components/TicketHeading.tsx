import { Link } from 'react-router'
import { CATEGORY_SHORT, type Ticket } from '../types'
import { PriorityBadge, StatusBadge } from '../ui'
import { TicketSlaBadge } from '../sla/SlaBadge'

const subjectClass = 'block font-medium wrap-anywhere text-blue-900 underline'

/** The top of a ticket in a staff list: reference, status, priority, category and service-level clock, then the subject linking to the ticket. */
export function TicketHeading({ ticket, subjectClassName = subjectClass }: { ticket: Ticket; subjectClassName?: string }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm text-slate-600">{ticket.reference}</span>
        <StatusBadge status={ticket.status} />
        <PriorityBadge priority={ticket.priority} />
        <span className="text-xs text-slate-500">{CATEGORY_SHORT[ticket.category]}</span>
        <TicketSlaBadge ticket={ticket} />
      </div>
      <Link to={`/support/tickets/${ticket.id}`} className={subjectClassName}>
        {ticket.subject}
      </Link>
    </>
  )
}
