import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { api, ApiError, errorMessage, type FieldErrors } from '../api'
import { homeFor, useAuth } from '../auth'
import { useLiveNotifications } from '../notifications'
import { CATEGORY_LABEL, PRIORITY_LABEL, STATUS_LABEL, type Status, type Ticket } from '../types'
import { Alert, Button, Card, Loading, PriorityBadge, StatusBadge, TextArea, formatDate, useTitle } from '../ui'
import { MAX, withoutError } from '../validation'
import { AttachmentList } from '../conversation/Attachments'
import { Conversation } from '../conversation/Conversation'
import { PriorityChange } from '../sla/PriorityChange'
import { SlaClocks, useDueRefresh } from '../sla/SlaBadge'
import { MergePanel } from '../merge/MergePanel'
import { MergedNotice } from '../merge/MergedNotice'

const LIFECYCLE: Status[] = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']

function transitionLabel(from: Status, to: Status): string {
  switch (to) {
    case 'IN_PROGRESS':
      return from === 'OPEN' ? 'Start work' : from === 'ON_HOLD' ? 'Resume work' : 'Reopen'
    case 'ON_HOLD':
      return 'Put on hold'
    case 'RESOLVED':
      return 'Mark resolved'
    case 'CLOSED':
      return 'Close ticket'
    default:
      return STATUS_LABEL[to]
  }
}

/**
 * Where the ticket has been: the lifecycle steps with the moments each was reached. While a ticket is
 * on hold that is a step of its own, without a time; the time under "In progress" is when work
 * started (the timeline's first move to In progress, which the conversation reports; the first reply
 * until then — firstResponseAt is the first public staff message, not the start of work).
 */
function Timeline({ ticket, startedAt }: { ticket: Ticket; startedAt?: string }) {
  const reached = (s: Status) => {
    const order = ['OPEN', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED']
    if (s === 'IN_PROGRESS') return ticket.status !== 'OPEN' || !!startedAt || !!ticket.firstResponseAt
    return order.indexOf(ticket.status) >= order.indexOf(s)
  }
  const when: Partial<Record<Status, string | undefined>> = {
    OPEN: ticket.createdAt,
    IN_PROGRESS: startedAt ?? ticket.firstResponseAt,
    RESOLVED: ticket.resolvedAt,
    CLOSED: ticket.closedAt,
  }
  const steps: Status[] = ticket.status === 'ON_HOLD' ? ['OPEN', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED'] : LIFECYCLE
  return (
    <ol aria-label="Status timeline" className="flex flex-col gap-3 sm:flex-row sm:gap-0">
      {steps.map((s, i) => {
        const done = reached(s)
        const current = ticket.status === s
        return (
          <li key={s} className="flex items-start gap-3 sm:flex-1 sm:flex-col sm:items-center sm:text-center" aria-current={current ? 'step' : undefined}>
            <span
              aria-hidden="true"
              className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-full border-2 text-sm font-bold ${
                current ? 'border-blue-700 bg-blue-700 text-white' : done ? 'border-green-700 bg-green-700 text-white' : 'border-slate-300 bg-white text-slate-500'
              }`}
            >
              {done && !current ? '✓' : i + 1}
            </span>
            <span>
              <span className={`block text-sm font-semibold ${done ? 'text-slate-900' : 'text-slate-500'}`}>
                {STATUS_LABEL[s]}
                {current && <span className="sr-only"> (current status)</span>}
                {!done && <span className="sr-only"> (not yet)</span>}
              </span>
              {when[s] && <span className="block text-xs text-slate-600">{formatDate(when[s])}</span>}
            </span>
          </li>
        )
      })}
    </ol>
  )
}

function Stars({ value, onChange, error }: { value: number; onChange: (n: number) => void; error?: string }) {
  return (
    <fieldset className="mb-4" aria-describedby={error ? 'rating-error' : undefined} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium">
        Rating <span aria-hidden="true" className="text-red-700">*</span>
      </legend>
      <div className="mt-1 flex gap-1">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="cursor-pointer">
            <input type="radio" name="rating" value={n} checked={value === n} onChange={() => onChange(n)} className="peer sr-only" aria-label={`${n} star${n > 1 ? 's' : ''}`} />
            <span aria-hidden="true" className={`block rounded px-1 text-3xl leading-none peer-focus-visible:ring-2 peer-focus-visible:ring-blue-600 ${n <= value ? 'text-amber-500' : 'text-slate-300'}`}>
              ★
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id="rating-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  )
}

function FeedbackForm({ ticket, onSent }: { ticket: Ticket; onSent: () => void }) {
  const [rating, setRating] = useState(0)
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found: FieldErrors = {}
    if (rating < 1 || rating > 5) found.rating = 'Choose 1 to 5 stars.'
    if (comment.length > MAX.comment) found.comment = 'At most 2,000 characters.'
    setErrors(found)
    setFormError(null)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await api('POST', `/api/support/tickets/${ticket.id}/feedback/`, { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) })
      onSent()
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors)
      else setFormError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <Card className="border-green-200">
      <h2 className="mb-1 text-lg font-semibold">How did we do?</h2>
      <p className="mb-4 text-sm text-slate-700">Your ticket is resolved. Rate the help you got — sending your feedback closes the ticket.</p>
      {formError && <Alert>{formError}</Alert>}
      <form noValidate onSubmit={submit} aria-label="Feedback">
        <Stars
          value={rating}
          onChange={(n) => {
            setRating(n)
            setErrors((e) => withoutError(e, 'rating'))
          }}
          error={errors.rating}
        />
        <TextArea
          label="Comment"
          rows={3}
          maxChars={MAX.comment}
          value={comment}
          error={errors.comment}
          onChange={(e) => {
            setComment(e.target.value)
            setErrors((errs) => withoutError(errs, 'comment'))
          }}
        />
        <Button type="submit" busy={busy}>
          Send feedback
        </Button>
      </form>
    </Card>
  )
}

export function TicketDetail() {
  const { ticketId } = useParams()
  const { session } = useAuth()
  const [ticket, setTicket] = useState<Ticket | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  // a confirmation belongs to the status it confirms: once the ticket has moved on, it goes
  const [message, setMessage] = useState<{ text: string; status: Status } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [startedAt, setStartedAt] = useState<string | undefined>()
  const navigate = useNavigate()
  useTitle(ticket ? `${ticket.reference} ${ticket.subject}` : 'Ticket')

  const load = useCallback(async (): Promise<Ticket | null> => {
    try {
      const loaded = await api<Ticket>('GET', `/api/support/tickets/${ticketId}/`)
      setTicket(loaded)
      setLoadError(null)
      return loaded
    } catch (err) {
      setLoadError(err instanceof ApiError && err.status === 404 ? 'There is no such ticket, or it is not yours.' : errorMessage(err))
      return null
    }
  }, [ticketId])
  const confirm = useCallback(
    async (text: string) => {
      const loaded = await load()
      if (loaded) setMessage({ text, status: loaded.status })
    },
    [load],
  )

  useEffect(() => {
    // another ticket: nothing said about the previous one stays
    setTicket(null)
    setStartedAt(undefined)
    setMessage(null)
    setActionError(null)
    load()
  }, [load])

  useLiveNotifications((n) => {
    if (n.ticketId === ticketId) load()
  })
  useDueRefresh(ticket ? [ticket] : null, load)

  if (!session) return null
  const staff = session.role !== 'customer'

  async function act(key: string, call: () => Promise<unknown>, done: string) {
    setBusy(key)
    setActionError(null)
    setMessage(null)
    try {
      await call()
      await confirm(done)
    } catch (err) {
      setActionError(errorMessage(err))
      if (err instanceof ApiError && err.status === 409) await load()
    } finally {
      setBusy(null)
    }
  }

  if (loadError) {
    return (
      <Card>
        <Alert>{loadError}</Alert>
        <Link className="font-semibold text-blue-800 underline" to={homeFor(session.role)}>
          Back
        </Link>
      </Card>
    )
  }
  if (!ticket) return <Loading label="Loading the ticket…" />

  const mine = ticket.assigneeId === session.id
  const mayChangeStatus = session.role === 'admin' || (session.role === 'agent' && mine)
  const transitions = (ticket.allowedTransitions ?? []).slice().sort((a, b) => ['IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED', 'OPEN'].indexOf(a) - ['IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED', 'OPEN'].indexOf(b))
  const canTake = session.role === 'agent' && ticket.status === 'OPEN' && (!ticket.assigneeId || mine)

  return (
    <div className="space-y-6">
      <div>
        <Link className="text-sm text-blue-800 underline" to={homeFor(session.role)}>
          ← Back to {session.role === 'customer' ? 'your tickets' : session.role === 'agent' ? 'the dashboard' : 'support management'}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <span className="font-mono text-slate-600">{ticket.reference}</span>
          <StatusBadge status={ticket.status} />
          <PriorityBadge priority={ticket.priority} />
          {staff && ticket.sla && !ticket.mergedIntoId && <SlaClocks sla={ticket.sla} />}
        </div>
        <h1 className="mt-1 text-2xl font-bold tracking-tight wrap-anywhere sm:text-3xl">{ticket.subject}</h1>
      </div>
      {message && message.status === ticket.status && <Alert kind="success">{message.text}</Alert>}
      {actionError && <Alert>{actionError}</Alert>}
      <MergedNotice ticket={ticket} />
      <Card>
        <h2 className="sr-only">Status timeline</h2>
        <Timeline ticket={ticket} startedAt={startedAt} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <h2 className="mb-2 text-lg font-semibold">Description</h2>
            {ticket.followUpOf && (
              <p className="mb-2 text-sm">
                A follow-up of{' '}
                <Link className="text-blue-800 underline" to={`/support/tickets/${ticket.followUpOf}`}>
                  an earlier ticket
                </Link>
                .
              </p>
            )}
            <p className="whitespace-pre-line wrap-anywhere">{ticket.description}</p>
            <AttachmentList files={ticket.attachments ?? []} label="Files sent with the ticket" />
          </Card>
          <Conversation ticket={ticket} session={session} onTicketChanged={load} onStarted={setStartedAt} />
          {session.role === 'customer' && ticket.feedbackAllowed && !ticket.feedback && <FeedbackForm ticket={ticket} onSent={() => confirm('Thank you for your feedback! The ticket is now closed.')} />}
          {ticket.feedback && (
            <Card>
              <h2 className="mb-1 text-lg font-semibold">Feedback</h2>
              <p aria-label={`Rated ${ticket.feedback.rating} out of 5`}>
                <span aria-hidden="true" className="text-amber-500">
                  {'★'.repeat(ticket.feedback.rating)}
                  <span className="text-slate-300">{'★'.repeat(5 - ticket.feedback.rating)}</span>
                </span>{' '}
                {ticket.feedback.rating}/5
              </p>
              {ticket.feedback.comment && <p className="mt-1 wrap-anywhere text-slate-700">“{ticket.feedback.comment}”</p>}
            </Card>
          )}
        </div>
        {/* on a phone the assignment and the status controls come first, above the long texts */}
        <div className="order-first space-y-6 lg:order-none">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Details</h2>
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="text-slate-600">Assigned to</dt>
                <dd className="font-medium wrap-anywhere" data-testid="assignee">{ticket.assigneeName ?? 'Not assigned yet'}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Category</dt>
                <dd>{CATEGORY_LABEL[ticket.category]}</dd>
              </div>
              {ticket.deliveryId && (
                <div>
                  <dt className="text-slate-600">Delivery</dt>
                  <dd className="font-mono wrap-anywhere">{ticket.deliveryId}</dd>
                </div>
              )}
              {staff && ticket.customerName && (
                <div>
                  <dt className="text-slate-600">Customer</dt>
                  <dd className="wrap-anywhere">
                    {ticket.customerName} <span className="text-slate-600">{ticket.customerEmail}</span>
                  </dd>
                </div>
              )}
              <div>
                <dt className="text-slate-600">Opened</dt>
                <dd>{formatDate(ticket.createdAt)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Last update</dt>
                <dd>{formatDate(ticket.updatedAt)}</dd>
              </div>
            </dl>
          </Card>
          {staff && (
            <Card>
              <h2 className="mb-3 text-lg font-semibold">Status</h2>
              {canTake && (
                <Button className="mb-3 w-full" busy={busy === 'take'} onClick={() => act('take', () => api('POST', `/api/support/tickets/${ticket.id}/assign-self/`), 'The ticket is yours and in progress.')}>
                  Assign to me
                </Button>
              )}
              {mayChangeStatus && transitions.length > 0 ? (
                <div className="flex flex-wrap gap-2" role="group" aria-label="Change status">
                  {transitions.map((to) => (
                    <Button
                      key={to}
                      variant={to === 'RESOLVED' ? 'primary' : 'secondary'}
                      busy={busy === to}
                      disabled={busy !== null}
                      onClick={() => act(to, () => api('PUT', `/api/support/tickets/${ticket.id}/update-status/`, { status: to }), `Status changed to ${STATUS_LABEL[to]}.`)}
                    >
                      {transitionLabel(ticket.status, to)}
                    </Button>
                  ))}
                </div>
              ) : (
                !canTake && (
                  <p className="text-sm text-slate-600">
                    {transitions.length === 0 ? 'No further status changes are possible.' : 'Only the assigned agent or an admin can change the status.'}
                  </p>
                )
              )}
              {mayChangeStatus && (
                <PriorityChange
                  current={ticket.priority}
                  busy={busy === 'priority'}
                  disabled={busy !== null}
                  onChange={(to) =>
                    act('priority', () => api('PUT', `/api/support/tickets/${ticket.id}/update-priority/`, { priority: to }), `Priority changed to ${PRIORITY_LABEL[to]}.`)
                  }
                />
              )}
            </Card>
          )}
          {mayChangeStatus && ticket.status !== 'CLOSED' && <MergePanel ticket={ticket} onMerged={(target) => navigate(`/support/tickets/${target.id}`)} />}
        </div>
      </div>
    </div>
  )
}
