import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { errorMessage } from '../api'
import type { Session } from '../auth'
import { PRIORITY_LABEL, STATUS_LABEL, type AuthorRole, type Message, type Priority, type Status, type Ticket, type TimelineEntry } from '../types'
import { Alert, Button, Card, Loading, formatDate } from '../ui'
import { AttachmentList } from './Attachments'
import { ReplyBox } from './ReplyBox'
import { EMPTY_THREAD, loadMessages, loadTimeline, threadItems, withEntries, withMessages, type Thread } from './thread'
import { useTicketStream } from './useTicketStream'

const ROLE_NAME: Record<AuthorRole, string> = { CUSTOMER: 'Customer', AGENT: 'Support agent', ADMIN: 'Admin' }
/** Entries after which the ticket's header (status, assignee, priority, feedback, service-level clocks) is read again. */
const HEADER_KINDS = new Set(['STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'FEEDBACK', 'MERGED', 'PRIORITY_CHANGED', 'SLA_WARNING', 'SLA_BREACHED'])

function statusName(s?: string | null): string {
  return s && s in STATUS_LABEL ? STATUS_LABEL[s as Status] : (s ?? '')
}

function priorityName(p?: string | null): string {
  return p && p in PRIORITY_LABEL ? PRIORITY_LABEL[p as Priority] : (p ?? '')
}

/** The sentence of a change that is not a message ("Ada Agent changed the status from Open to In progress"). */
export function eventText(e: TimelineEntry): string {
  const who = e.actor?.name ?? 'The system'
  switch (e.kind) {
    case 'CREATED':
      return `${who} opened the ticket`
    case 'ASSIGNED':
      if (e.actor && e.actor.id === e.to) return `${e.actor.name} took the ticket`
      return e.actor ? `${who} assigned the ticket to ${e.toName ?? 'an agent'}` : `Assigned to ${e.toName ?? 'an agent'}`
    case 'UNASSIGNED':
      return `${e.fromName ?? 'The agent'} is no longer assigned${e.actor ? ` (by ${who})` : ''}`
    case 'STATUS_CHANGED':
      return `${who} changed the status from ${statusName(e.from)} to ${statusName(e.to)}`
    case 'FEEDBACK':
      return `${who} rated the help ${e.to} out of 5`
    case 'PRIORITY_CHANGED':
      return e.from && e.to ? `${who} changed the priority from ${priorityName(e.from)} to ${priorityName(e.to)}` : `${who} changed the priority`
    case 'SLA_WARNING':
      return 'The response time target is close'
    case 'SLA_BREACHED':
      return 'The response time target was missed'
    case 'MERGED':
      return e.from && e.to ? `${who} merged ${e.from} into ${e.to}` : `${who} merged tickets`
    default:
      return e.kind
  }
}

function MessageItem({ message, mine }: { message: Message; mine: boolean }) {
  const internal = message.visibility === 'INTERNAL'
  const staff = message.authorRole !== 'CUSTOMER'
  const tone = internal ? 'border-amber-400 border-dashed bg-amber-50' : staff ? 'border-blue-200 bg-blue-50' : 'border-slate-200 bg-white'
  return (
    <li data-message={message.id} data-visibility={message.visibility} className={`min-w-0 ${mine ? 'sm:ml-10' : 'sm:mr-10'}`}>
      <article aria-label={`${internal ? 'Note' : 'Message'} from ${message.authorName}`} className={`rounded-lg border-2 p-3 sm:p-4 ${tone}`}>
        <header className="mb-1 flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
          {internal && <span className="rounded bg-amber-200 px-2 py-0.5 text-xs font-bold tracking-wide text-amber-950 uppercase">Internal note</span>}
          <span className="font-semibold wrap-anywhere">{message.authorName}</span>
          <span className="text-slate-700">{ROLE_NAME[message.authorRole] ?? message.authorRole}</span>
          <time dateTime={message.createdAt} className="text-slate-600">
            {formatDate(message.createdAt)}
          </time>
          {message.channel === 'EMAIL' && <span className="text-xs text-slate-600">by e-mail</span>}
        </header>
        <p className="whitespace-pre-line wrap-anywhere">{message.body}</p>
        <AttachmentList files={message.attachments ?? []} label={`Files of the message from ${message.authorName}`} />
      </article>
    </li>
  )
}

function EventLine({ entry }: { entry: TimelineEntry }) {
  return (
    <li data-event={entry.kind} className="flex items-center gap-3 px-2 text-xs text-slate-600">
      <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
      <span className="text-center wrap-anywhere">
        {eventText(entry)} · <time dateTime={entry.at}>{formatDate(entry.at)}</time>
      </span>
      <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
    </li>
  )
}

/**
 * The ticket's conversation: messages and internal notes (staff only, marked "Internal note" and
 * dashed amber) interleaved with the other changes as small lines, kept current by the live stream,
 * and the reply box. The first load reads the timeline and the messages; the stream then brings every
 * entry after the last seq read (messages included), and after a drop catches up from there.
 */
export function Conversation({
  ticket,
  session,
  onTicketChanged,
  onStarted,
}: {
  ticket: Ticket
  session: Session
  onTicketChanged: () => void
  /** When work on the ticket first started (its first move to In progress), once the timeline says. */
  onStarted?: (at: string) => void
}) {
  const staff = session.role !== 'customer'
  const [thread, setThread] = useState<Thread>(EMPTY_THREAD)
  const [loadedUpTo, setLoadedUpTo] = useState<number | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const changed = useRef(onTicketChanged)
  changed.current = onTicketChanged
  const ticketId = ticket.id

  const load = useCallback(async () => {
    setLoadError(null)
    try {
      // the timeline first: any message it names is then in the messages read after it
      const entries = await loadTimeline(ticketId)
      const messages = await loadMessages(ticketId)
      setThread(withMessages(withEntries(EMPTY_THREAD, entries), messages))
      setLoadedUpTo(entries.length ? Math.max(...entries.map((e) => e.seq)) : 0)
    } catch (err) {
      setLoadError(errorMessage(err))
    }
  }, [ticketId])

  useEffect(() => {
    setThread(EMPTY_THREAD)
    setLoadedUpTo(null)
    load()
  }, [load])

  const onEntry = useCallback(
    (entry: TimelineEntry) => {
      setThread((t) => withEntries(t, [entry]))
      if ((entry.kind === 'MESSAGE' || entry.kind === 'NOTE') && entry.messageId && !entry.message) {
        // an entry without its message (an older server): read the message
        loadMessages(ticketId, 0)
          .then((messages) => setThread((t) => withMessages(t, messages)))
          .catch(() => {})
      }
      if (entry.message && entry.message.authorId !== session.id) {
        setAnnouncement(`New ${entry.message.visibility === 'INTERNAL' ? 'internal note' : 'message'} from ${entry.message.authorName}`)
      }
      // the first public staff reply stops the first-response clock
      if (HEADER_KINDS.has(entry.kind) || (entry.message && entry.message.visibility === 'PUBLIC' && entry.message.authorRole !== 'CUSTOMER')) changed.current()
    },
    [ticketId, session.id],
  )
  const live = useTicketStream(ticketId, loadedUpTo, onEntry)

  const started = useMemo(() => {
    let first: TimelineEntry | undefined
    for (const e of thread.entries.values()) {
      if (e.kind === 'STATUS_CHANGED' && e.to === 'IN_PROGRESS' && (!first || e.seq < first.seq)) first = e
    }
    return first?.at
  }, [thread])
  useEffect(() => {
    if (started) onStarted?.(started)
  }, [started, onStarted])

  // the server never sends a customer an internal note; the page does not show one either way
  const items = useMemo(() => threadItems(thread).filter((i) => staff || i.type !== 'message' || i.message.visibility === 'PUBLIC'), [thread, staff])

  return (
    <Card>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Conversation</h2>
        {loadedUpTo !== null && (
          <span data-testid="live-state" data-state={live} className="text-xs text-slate-600">
            {live === 'live' ? 'Live' : live === 'unavailable' ? 'Not live: reload to see new messages' : 'Connecting…'}
          </span>
        )}
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {loadError ? (
        <Alert>
          The conversation could not be loaded: {loadError}{' '}
          <Button variant="secondary" onClick={load}>
            Try again
          </Button>
        </Alert>
      ) : loadedUpTo === null ? (
        <Loading label="Loading the conversation…" />
      ) : items.length === 0 ? (
        <p className="mb-4 text-sm text-slate-600">No messages yet.</p>
      ) : (
        <ol aria-label="Conversation" className="mb-4 space-y-3">
          {items.map((item) =>
            item.type === 'message' ? <MessageItem key={item.key} message={item.message} mine={item.message.authorId === session.id} /> : <EventLine key={item.key} entry={item.entry} />,
          )}
        </ol>
      )}
      <ReplyBox
        ticket={ticket}
        staff={staff}
        onSent={(message) => {
          setThread((t) => withMessages(t, [message]))
          // a customer's reply may have reopened the ticket
          changed.current()
        }}
        onStale={() => changed.current()}
      />
    </Card>
  )
}
