import { api, qs } from '../api'
import type { Message, Page, TimelineEntry } from '../types'

/** What the conversation shows, in order: messages, and small lines for the other changes. */
export type ThreadItem = { type: 'message'; key: string; message: Message } | { type: 'event'; key: string; entry: TimelineEntry }

/** What is known of a ticket's thread; both maps only grow, so a repeated entry or message changes nothing. */
export interface Thread {
  entries: Map<number, TimelineEntry>
  messages: Map<string, Message>
}

export const EMPTY_THREAD: Thread = { entries: new Map(), messages: new Map() }

export function withEntries(thread: Thread, entries: TimelineEntry[]): Thread {
  if (entries.length === 0) return thread
  const next = new Map(thread.entries)
  const messages = entries.some((e) => e.message) ? new Map(thread.messages) : thread.messages
  for (const e of entries) {
    next.set(e.seq, e)
    if (e.message) messages.set(e.message.id, e.message)
  }
  return { entries: next, messages }
}

export function withMessages(thread: Thread, messages: Message[]): Thread {
  if (messages.length === 0) return thread
  const next = new Map(thread.messages)
  for (const m of messages) next.set(m.id, m)
  return { ...thread, messages: next }
}

/** Entries the thread shows as a line of their own (an ATTACHMENT is shown on its message). */
const EVENT_KINDS = new Set(['CREATED', 'ASSIGNED', 'UNASSIGNED', 'STATUS_CHANGED', 'FEEDBACK', 'SLA_WARNING', 'SLA_BREACHED', 'PRIORITY_CHANGED', 'MERGED'])

/**
 * The thread in commit order (timeline seq). A message the timeline does not (yet) name — one just
 * sent, whose entry the stream has not brought yet — goes where its time puts it.
 */
export function threadItems(thread: Thread): ThreadItem[] {
  const items: { item: ThreadItem; at: number }[] = []
  const placed = new Set<string>()
  const entries = [...thread.entries.values()].sort((a, b) => a.seq - b.seq)
  for (const e of entries) {
    if ((e.kind === 'MESSAGE' || e.kind === 'NOTE') && e.messageId) {
      const message = thread.messages.get(e.messageId)
      if (!message || placed.has(message.id)) continue
      placed.add(message.id)
      items.push({ item: { type: 'message', key: `m-${message.id}`, message }, at: Date.parse(e.at) })
    } else if (EVENT_KINDS.has(e.kind)) {
      items.push({ item: { type: 'event', key: `e-${e.seq}`, entry: e }, at: Date.parse(e.at) })
    }
  }
  const loose = [...thread.messages.values()].filter((m) => !placed.has(m.id)).sort((a, b) => a.seq - b.seq)
  for (const m of loose) {
    const at = Date.parse(m.createdAt)
    const index = items.findIndex((x) => x.at > at)
    const entry = { item: { type: 'message', key: `m-${m.id}`, message: m } as ThreadItem, at }
    if (index < 0) items.push(entry)
    else items.splice(index, 0, entry)
  }
  return items.map((x) => x.item)
}

/** Every item of a seq-ordered list the API pages with ?after=: pages of 100 until one comes back short. */
async function all<T extends { seq: number }>(path: string): Promise<T[]> {
  const found: T[] = []
  let after = 0
  for (let round = 0; round < 1000; round++) {
    const page = await api<Page<T>>('GET', `${path}${qs({ after, size: 100 })}`)
    found.push(...page.items)
    if (page.items.length < 100) break
    after = page.items[page.items.length - 1].seq
  }
  return found
}

export function loadTimeline(ticketId: string): Promise<TimelineEntry[]> {
  return all<TimelineEntry>(`/api/support/tickets/${ticketId}/timeline/`)
}

export function loadMessages(ticketId: string, after = 0): Promise<Message[]> {
  return after === 0
    ? all<Message>(`/api/support/tickets/${ticketId}/messages/`)
    : api<Page<Message>>('GET', `/api/support/tickets/${ticketId}/messages/${qs({ after, size: 100 })}`).then((p) => p.items)
}
