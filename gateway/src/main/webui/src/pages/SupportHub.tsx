import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { api, ApiError, errorMessage, qs, type FieldErrors } from '../api'
import { useLiveNotifications } from '../notifications'
import { CATEGORIES, CATEGORY_LABEL, CATEGORY_SHORT, PRIORITIES, PRIORITY_LABEL, type Category, type FaqEntry, type Page, type Priority, type Ticket } from '../types'
import { Alert, Button, Card, PageTitle, PriorityBadge, SelectField, StatusBadge, TextArea, TextField, formatDate, useTitle } from '../ui'
import { useForm } from '../form'
import { DELIVERY_ID, MAX, focusFirstInvalid, hasErrors, withoutError } from '../validation'
import { AttachmentPicker, usePendingUploads } from '../conversation/Attachments'
import { TicketSlaBadge } from '../sla/SlaBadge'
import { FormActions } from '../components/FormActions'
import { SearchBox } from '../search/SearchBox'
import { ListState } from '../components/ListState'

interface NewTicket {
  subject: string
  category: Category | ''
  description: string
  priority: Priority
  deliveryId: string
}

const EMPTY: NewTicket = { subject: '', category: '', description: '', priority: 'MEDIUM', deliveryId: '' }

function validate(v: NewTicket): FieldErrors {
  const e: FieldErrors = {}
  const subject = v.subject.trim()
  if (!subject) e.subject = 'Enter a subject.'
  else if (subject.length < 3 || subject.length > MAX.subject) e.subject = `The subject must be 3 to ${MAX.subject} characters.`
  if (!v.category) e.category = 'Choose what the problem is about.'
  if (!v.description.trim()) e.description = 'Describe the problem.'
  else if (v.description.length > MAX.description) e.description = 'At most 10,000 characters.'
  const delivery = v.deliveryId.trim()
  if (delivery.length > MAX.deliveryId) e.deliveryId = `At most ${MAX.deliveryId} characters.`
  else if (delivery && !DELIVERY_ID.test(delivery)) e.deliveryId = 'A delivery reference has letters, digits and . _ : / - (at most 64).'
  return e
}

/** FAQ answers for the chosen category, shown while the customer writes the ticket. */
function Suggestions({ category }: { category: Category | '' }) {
  const [entries, setEntries] = useState<FaqEntry[]>([])
  useEffect(() => {
    if (!category) {
      setEntries([])
      return
    }
    let current = true
    api<Page<FaqEntry>>('GET', `/api/support/faq/${qs({ category, size: 3 })}`)
      .then((page) => current && setEntries(page.items))
      .catch(() => current && setEntries([]))
    return () => {
      current = false
    }
  }, [category])
  if (entries.length === 0) return null
  return (
    <aside aria-label="Possibly answered already" className="mb-4 rounded-md bg-slate-50 p-3 text-sm">
      <p className="mb-1 font-semibold">Maybe already answered:</p>
      <ul className="list-disc pl-5">
        {entries.map((e) => (
          <li key={e.id}>
            <Link className="text-blue-800 underline" to={`/support/faq?category=${e.category}&q=${encodeURIComponent(e.question)}`}>
              {e.question}
            </Link>
          </li>
        ))}
      </ul>
    </aside>
  )
}

/** The closed ticket a new one follows up on: named in the form, and its subject and category offered. */
function useEarlierTicket(id: string | null, prefill: (t: Ticket) => void) {
  const [earlier, setEarlier] = useState<Ticket | null>(null)
  const [error, setError] = useState<string | null>(null)
  const fill = useRef(prefill)
  fill.current = prefill
  useEffect(() => {
    setEarlier(null)
    setError(null)
    if (!id) return
    let current = true
    api<Ticket>('GET', `/api/support/tickets/${encodeURIComponent(id)}/`)
      .then((t) => {
        if (!current) return
        setEarlier(t)
        fill.current(t)
      })
      .catch((err) => current && setError(err instanceof ApiError && err.status === 404 ? 'The earlier ticket was not found.' : errorMessage(err)))
    return () => {
      current = false
    }
  }, [id])
  return { earlier, error }
}

function CreateTicketForm({ followUpOf, onCreated, onCancel }: { followUpOf: string | null; onCreated: (t: Ticket) => void; onCancel: () => void }) {
  const [values, setValues] = useState<NewTicket>(EMPTY)
  const { errors, setErrors, formError, setFormError, busy, setBusy, form, checked } = useForm()
  const uploads = usePendingUploads()
  const { earlier, error: earlierError } = useEarlierTicket(followUpOf, (t) =>
    setValues((v) => ({
      ...v,
      subject: v.subject || `Follow-up: ${t.subject}`.slice(0, MAX.subject),
      category: v.category || t.category,
      deliveryId: v.deliveryId || (t.deliveryId ?? ''),
    })),
  )

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input')?.focus()
  }, [])

  // a changed field drops its old message: it is checked again on the next submit
  const set = <K extends keyof NewTicket>(field: K, value: NewTicket[K]) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => withoutError(e, field))
  }

  async function submit(e: FormEvent) {
    if (!checked(e, validate(values))) return
    if (uploads.blocker) {
      setFormError(uploads.blocker)
      return
    }
    setBusy(true)
    try {
      const ticket = await api<Ticket>('POST', '/api/support/tickets/create/', {
        subject: values.subject.trim(),
        category: values.category,
        description: values.description,
        priority: values.priority,
        ...(values.deliveryId.trim() ? { deliveryId: values.deliveryId.trim() } : {}),
        ...(followUpOf ? { followUpOf } : {}),
        ...(uploads.ids.length ? { attachmentIds: uploads.ids } : {}),
      })
      uploads.clear()
      onCreated(ticket)
    } catch (err) {
      if (err instanceof ApiError && (err.fieldErrors.followUpOf || err.fieldErrors.attachmentIds)) {
        // not fields of this form: say them above it
        setFormError([err.fieldErrors.followUpOf, err.fieldErrors.attachmentIds && `Files: ${err.fieldErrors.attachmentIds}`].filter(Boolean).join(' '))
      } else if (err instanceof ApiError && hasErrors(err.fieldErrors)) {
        setErrors(err.fieldErrors)
        focusFirstInvalid(form.current)
      } else setFormError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <Card className="mb-6">
      <h2 className="mb-4 text-xl font-semibold">{followUpOf ? 'New follow-up ticket' : 'New ticket'}</h2>
      {followUpOf && (
        <Alert kind="info">
          {earlier ? (
            <>
              This ticket follows up on{' '}
              <Link className="underline" to={`/support/tickets/${earlier.id}`}>
                {earlier.reference} {earlier.subject}
              </Link>
              , which is closed. Both stay linked.
            </>
          ) : (
            (earlierError ?? 'This ticket follows up on an earlier, closed one.')
          )}
        </Alert>
      )}
      {formError && <Alert>{formError}</Alert>}
      <form ref={form} noValidate onSubmit={submit} aria-label="Create new ticket">
        <TextField label="Subject" required maxChars={MAX.subject} value={values.subject} error={errors.subject} onChange={(e) => set('subject', e.target.value)} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField label="Category" required value={values.category} error={errors.category} onChange={(e) => set('category', e.target.value as Category)}>
            <option value="">Choose…</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABEL[c]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Priority" required value={values.priority} error={errors.priority} onChange={(e) => set('priority', e.target.value as Priority)}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABEL[p]}
              </option>
            ))}
          </SelectField>
        </div>
        <Suggestions category={values.category} />
        <TextField
          label="Delivery ID"
          hint="The logiShift delivery this is about, e.g. DLV-1001."
          maxChars={MAX.deliveryId}
          value={values.deliveryId}
          error={errors.deliveryId}
          onChange={(e) => set('deliveryId', e.target.value)}
        />
        <TextArea label="Description" required rows={5} maxChars={MAX.description} value={values.description} error={errors.description} onChange={(e) => set('description', e.target.value)} />
        <AttachmentPicker uploads={uploads} label="Photos" />
        <FormActions submit="Submit ticket" busy={busy} onCancel={onCancel} />
      </form>
    </Card>
  )
}

export function TicketList({ tickets, showCustomer = false }: { tickets: Ticket[]; showCustomer?: boolean }) {
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" aria-label="Tickets">
      {tickets.map((t) => (
        <li key={t.id} data-ticket={t.reference}>
          <Link to={`/support/tickets/${t.id}`} className="flex min-w-0 flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-4">
            <span className="w-28 shrink-0 font-mono text-sm text-slate-600">{t.reference}</span>
            {/* long unbroken words (a pasted tracking URL) wrap instead of widening the page */}
            <span className="min-w-0 flex-1 font-medium wrap-anywhere text-slate-900 sm:min-w-48">{t.subject}</span>
            {showCustomer && t.customerName && <span className="min-w-0 text-sm wrap-anywhere text-slate-600">{t.customerName}</span>}
            <span className="flex shrink-0 flex-wrap items-center gap-3">
              <PriorityBadge priority={t.priority} />
              <StatusBadge status={t.status} />
              <span className="text-xs text-slate-500">{formatDate(t.updatedAt)}</span>
            </span>
            {/* staff: the clock on a line of its own under the subject, so the columns keep their width */}
            {showCustomer && t.sla && (
              <span className="sm:basis-full">
                <TicketSlaBadge ticket={t} />
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  )
}

export function SupportHub() {
  useTitle('Support')
  // "Open a follow-up" on a closed ticket comes here with ?followUpOf=<its id>
  const [params, setParams] = useSearchParams()
  const raw = params.get('followUpOf')
  const followUpOf = raw && /^[0-9a-fA-F-]{36}$/.test(raw) ? raw : null
  const [tickets, setTickets] = useState<Ticket[] | null>(null)
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [creating, setCreating] = useState(() => !!followUpOf)
  const [created, setCreated] = useState<Ticket | null>(null)

  const load = useCallback(async (pages: number) => {
    try {
      const answer = await api<Page<Ticket>>('GET', `/api/support/tickets/${qs({ page: 0, size: 20 * (pages + 1) })}`)
      setTickets(answer.items)
      setTotal(answer.total)
      setError(null)
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [])

  useEffect(() => {
    load(page)
  }, [load, page])

  useEffect(() => {
    if (followUpOf) {
      setCreating(true)
      setCreated(null)
    }
  }, [followUpOf])

  const closeForm = () => {
    setCreating(false)
    if (followUpOf) setParams({}, { replace: true })
  }

  // statuses change while the page is open: the stream tells us when
  useLiveNotifications((n) => {
    if (n.ticketId) load(page)
  })

  return (
    <>
      <PageTitle
        actions={
          !creating && (
            <Button aria-expanded={creating} onClick={() => { setCreating(true); setCreated(null) }}>
              Create new ticket
            </Button>
          )
        }
      >
        Support
      </PageTitle>
      <SearchBox />
      {created && (
        <Alert kind="success">
          Ticket <strong>{created.reference}</strong> created.{' '}
          <Link className="underline" to={`/support/tickets/${created.id}`}>
            View it
          </Link>
          . We will notify you as it moves along.
        </Alert>
      )}
      {creating && (
        <CreateTicketForm
          key={followUpOf ?? 'new'}
          followUpOf={followUpOf}
          onCancel={closeForm}
          onCreated={(t) => {
            closeForm()
            setCreated(t)
            load(page)
          }}
        />
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="min-w-0 lg:col-span-2" aria-labelledby="my-tickets">
          <h2 id="my-tickets" className="mb-3 text-xl font-semibold">
            Your tickets {tickets && <span className="text-base font-normal text-slate-600">({total})</span>}
          </h2>
          <ListState data={tickets} error={error} loading="Loading your tickets…" empty="You have no tickets yet. Use “Create new ticket” when something goes wrong with a delivery.">
            {(tickets) => (
              <>
                <TicketList tickets={tickets} />
                {tickets.length < total && (
                  <Button variant="secondary" className="mt-3" onClick={() => setPage(page + 1)}>
                    Show more
                  </Button>
                )}
              </>
            )}
          </ListState>
        </section>
        <aside aria-labelledby="faq-links">
          <Card>
            <h2 id="faq-links" className="mb-2 text-lg font-semibold">
              Quick answers
            </h2>
            <p className="mb-3 text-sm text-slate-700">Many questions are answered in the FAQ:</p>
            <ul className="space-y-1 text-sm">
              {CATEGORIES.map((c) => (
                <li key={c}>
                  <Link className="text-blue-800 underline" to={`/support/faq?category=${c}`}>
                    {CATEGORY_SHORT[c]}
                  </Link>
                </li>
              ))}
              <li>
                <Link className="font-semibold text-blue-800 underline" to="/support/faq">
                  All FAQ
                </Link>
              </li>
            </ul>
          </Card>
        </aside>
      </div>
    </>
  )
}
