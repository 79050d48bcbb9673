import { api } from '../../api'
import { useAction } from '../../form'
import type { Ticket } from '../../types'
import { Button } from '../../ui'

/**
 * Sends an assigned OPEN ticket back to the unassigned queue (POST …/reassign/ {unassign: true});
 * the API refuses it for any other status, so the button is offered for OPEN tickets only.
 */
export function Unassign({ ticket, onDone }: { ticket: Ticket; onDone: (message: string) => void }) {
  const { busy, error, run } = useAction()
  if (ticket.status !== 'OPEN' || !ticket.assigneeId) return null

  const unassign = () =>
    run(async () => {
      await api('POST', `/api/support/tickets/${ticket.id}/reassign/`, { unassign: true })
      onDone(`${ticket.reference} is back in the unassigned queue.`)
    })

  return (
    <div className="flex flex-col gap-1">
      <Button variant="secondary" small busy={busy} onClick={unassign} aria-label={`Return to queue: ${ticket.reference}`}>
        Return to queue
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </div>
  )
}
