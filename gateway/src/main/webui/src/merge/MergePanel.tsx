import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../api'
import { STATUS_LABEL, type Ticket } from '../types'
import { Alert, Button, Card, TextField, formatDate } from '../ui'
import { mergeTicket, ticketIdFrom, type PossibleDuplicate } from './merge'

/** Where a merge would go: a suggested duplicate, or a ticket named by id. */
type Choice = { id: string; label: string }

/**
 * "Merge into…" for the ticket's assigned agent or an admin: the suggested duplicates (same customer,
 * same delivery, not closed) or any ticket id, then a confirmation that says what will happen. After
 * the merge `onMerged` gets the ticket that stays.
 */
export function MergePanel({ ticket, onMerged }: { ticket: Ticket & { possibleDuplicates?: PossibleDuplicate[] }; onMerged: (target: Ticket) => void }) {
  const [choice, setChoice] = useState<Choice | null>(null)
  const [other, setOther] = useState('')
  const [otherError, setOtherError] = useState<string | undefined>()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const duplicates = ticket.possibleDuplicates ?? []

  function chooseOther(e: FormEvent) {
    e.preventDefault()
    const id = ticketIdFrom(other)
    if (!id) {
      setOtherError('Paste the ticket id or the link of its page.')
      return
    }
    if (id === ticket.id) {
      setOtherError('A ticket cannot be merged into itself.')
      return
    }
    setChoice({ id, label: 'the ticket ' + id.slice(0, 8) + '…' })
  }

  async function confirm() {
    if (!choice) return
    setBusy(true)
    setError(null)
    try {
      onMerged(await mergeTicket(ticket.id, choice.id))
    } catch (err) {
      setError(err instanceof ApiError && err.status === 400 && err.fieldErrors.intoTicketId ? 'There is no ticket with this id.' : errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">Merge into…</h2>
      <p className="mb-3 text-sm text-slate-700">A duplicate of another ticket of this customer? Its messages and notes move there and {ticket.reference} is closed.</p>
      {error && <Alert>{error}</Alert>}
      {choice ? (
        <div role="group" aria-label="Confirm the merge" className="space-y-3">
          <p className="text-sm">
            Merge <strong>{ticket.reference}</strong> into <strong>{choice.label}</strong>? Every message, note and file moves there, {ticket.reference} becomes closed and later
            replies to it land there. This cannot be undone.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button busy={busy} onClick={confirm}>
              Merge
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setChoice(null)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <>
          {duplicates.length > 0 ? (
            <ul aria-label="Possible duplicates" className="mb-3 space-y-2">
              {duplicates.map((d) => (
                <li key={d.id} data-duplicate={d.id} className="rounded border border-slate-200 p-2 text-sm">
                  <span className="font-mono text-slate-600">{d.reference}</span> <span className="wrap-anywhere">{d.subject}</span>
                  <span className="block text-xs text-slate-600">
                    {STATUS_LABEL[d.status] ?? d.status} · opened {formatDate(d.createdAt)}
                  </span>
                  <Button variant="secondary" className="mt-1" onClick={() => setChoice({ id: d.id, label: d.reference })}>
                    Merge into {d.reference}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-3 text-sm text-slate-600">No open ticket of this customer names the same delivery.</p>
          )}
          <form noValidate onSubmit={chooseOther} aria-label="Merge into another ticket">
            <TextField
              label="Another ticket (id or link)"
              value={other}
              error={otherError}
              onChange={(e) => {
                setOther(e.target.value)
                setOtherError(undefined)
              }}
            />
            <Button type="submit" variant="secondary">
              Choose
            </Button>
          </form>
        </>
      )}
    </Card>
  )
}
