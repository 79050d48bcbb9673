import { Navigate, useParams } from 'react-router'

/** /tickets/{id}, the short link in e-mails (e.g. "rate our help"), leads to the ticket's page. */
export function TicketLink() {
  const { ticketId } = useParams()
  return <Navigate to={`/support/tickets/${encodeURIComponent(ticketId ?? '')}`} replace />
}
