import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { api } from '../api'
import type { Ticket } from '../types'
import { Alert } from '../ui'

/**
 * On a merged ticket: where its conversation went. The target's reference is read from the target
 * itself (the merged ticket's customer and staff may read it); until then, or if that fails, the link
 * says so without it.
 */
export function MergedNotice({ ticket }: { ticket: Ticket & { mergedIntoId?: string | null } }) {
  const target = ticket.mergedIntoId
  const [reference, setReference] = useState<string | null>(null)
  useEffect(() => {
    setReference(null)
    if (!target) return
    let current = true
    api<Ticket>('GET', `/api/support/tickets/${target}/`)
      .then((t) => current && setReference(t.reference))
      .catch(() => {})
    return () => {
      current = false
    }
  }, [target])
  if (!target) return null
  return (
    <div data-testid="merged-notice">
      <Alert kind="info">
        {ticket.reference} was merged into{' '}
        <Link className="font-semibold text-blue-800 underline" to={`/support/tickets/${target}`}>
          {reference ?? 'another ticket'}
        </Link>
        . The conversation continues there.
      </Alert>
    </div>
  )
}
