import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useNavigate } from 'react-router'
import { api, ApiError, errorMessage } from '../api'
import type { Message, Ticket, Visibility } from '../types'
import { Alert, Button, TextArea } from '../ui'
import { MAX, focusFirstInvalid } from '../validation'
import { AttachmentPicker, usePendingUploads } from './Attachments'

/** The closed-ticket answer of a customer's message: it names the ticket a follow-up would link to. */
export function followUpTarget(err: unknown, ticketId: string): string | null {
  if (!(err instanceof ApiError) || err.status !== 409 || !err.type.endsWith('/ticket-closed')) return null
  const target = err.extensions.followUpOf
  return typeof target === 'string' ? target : ticketId
}

/**
 * "Open a follow-up": the create form, filled in to link back to the closed ticket. The words are the
 * page's own (the 409's detail is written for API clients).
 */
export function FollowUpOffer({ ticketId }: { ticketId: string }) {
  const navigate = useNavigate()
  return (
    <div role="status" className="rounded-md border border-slate-300 bg-slate-50 p-4 text-sm">
      <p className="mb-3">This ticket is closed, so it takes no new messages. If the problem is back, open a follow-up ticket: it links to this one.</p>
      <Button onClick={() => navigate(`/support?followUpOf=${encodeURIComponent(ticketId)}`)}>Open a follow-up</Button>
    </div>
  )
}

/**
 * Writing into the conversation. Staff choose between a reply the customer reads and an internal note
 * (two buttons; the box's colour and the send button say which); customers only reply. Each draft
 * carries a clientMessageId, kept while the draft is unchanged, so that sending again after a lost
 * answer returns the first message instead of a second one.
 */
export function ReplyBox({ ticket, staff, onSent, onStale }: { ticket: Ticket; staff: boolean; onSent: (m: Message) => void; onStale: () => void }) {
  const [mode, setMode] = useState<Visibility>('PUBLIC')
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [formError, setFormError] = useState<string | null>(null)
  // the ticket was closed while this person wrote: the server's 409 names the ticket to follow up
  const [closedOffer, setClosedOffer] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const lastAttempt = useRef<{ fingerprint: string; id: string } | null>(null)
  const uploads = usePendingUploads()
  const note = staff && mode === 'INTERNAL'

  /** The same draft sent again keeps its id (a retry); anything changed makes it a new message. */
  const clientMessageId = (fingerprint: string) => {
    if (lastAttempt.current?.fingerprint !== fingerprint) lastAttempt.current = { fingerprint, id: crypto.randomUUID() }
    return lastAttempt.current.id
  }

  // merged: the page says where the conversation went (merge/MergedNotice)
  if (ticket.mergedIntoId) return null
  if (!staff && ticket.status === 'CLOSED') {
    return <FollowUpOffer ticketId={closedOffer ?? ticket.id} />
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault()
    if (busy) return
    setFormError(null)
    if (!body.trim()) {
      setError(note ? 'Write the note first.' : 'Write your message first.')
      focusFirstInvalid(form.current)
      return
    }
    if (body.length > MAX.message) {
      setError(`At most ${MAX.message.toLocaleString('en')} characters.`)
      focusFirstInvalid(form.current)
      return
    }
    if (uploads.blocker) {
      setFormError(uploads.blocker)
      return
    }
    setError(undefined)
    setBusy(true)
    try {
      const message = await api<Message>('POST', `/api/support/tickets/${ticket.id}/messages/`, {
        body,
        ...(staff ? { visibility: mode } : {}),
        ...(uploads.ids.length ? { attachmentIds: uploads.ids } : {}),
        clientMessageId: clientMessageId(JSON.stringify([body, mode, uploads.ids])),
      })
      setBody('')
      uploads.clear()
      lastAttempt.current = null
      onSent(message)
    } catch (err) {
      const target = staff ? null : followUpTarget(err, ticket.id)
      if (err instanceof ApiError && err.status === 409) onStale() // the page shows the ticket as it is now
      if (target) setClosedOffer(target)
      else if (err instanceof ApiError && err.fieldErrors.body) {
        setError(err.fieldErrors.body)
        focusFirstInvalid(form.current)
      } else if (err instanceof ApiError && err.fieldErrors.attachmentIds) setFormError(`Files: ${err.fieldErrors.attachmentIds}`)
      else setFormError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  if (closedOffer) return <FollowUpOffer ticketId={closedOffer} />

  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      submit()
    }
  }

  return (
    <form
      ref={form}
      noValidate
      onSubmit={submit}
      aria-label={note ? 'Write an internal note' : 'Write a reply'}
      data-mode={note ? 'internal' : 'public'}
      className={`rounded-lg border-2 p-3 sm:p-4 ${note ? 'border-amber-400 bg-amber-50' : 'border-blue-200 bg-white'}`}
    >
      {staff && (
        <div role="group" aria-label="Message type" className="mb-3 flex flex-wrap gap-2">
          <Button
            variant={note ? 'secondary' : 'primary'}
            aria-pressed={!note}
            onClick={() => setMode('PUBLIC')}
          >
            Reply to customer
          </Button>
          <Button
            variant="secondary"
            aria-pressed={note}
            className={note ? 'border-amber-600! bg-amber-200! text-amber-950!' : ''}
            onClick={() => setMode('INTERNAL')}
          >
            Internal note
          </Button>
        </div>
      )}
      {!staff && ticket.status === 'RESOLVED' && (
        <Alert kind="info">This ticket is resolved. If something is still wrong, reply here: your message reopens it.</Alert>
      )}
      {note && <p className="mb-2 text-sm font-medium text-amber-950">Only agents and admins see internal notes; the customer never does.</p>}
      {formError && <Alert>{formError}</Alert>}
      <TextArea
        label={note ? 'Internal note' : staff ? 'Reply to the customer' : 'Your message'}
        hint="Ctrl+Enter (⌘+Enter on a Mac) sends."
        required
        rows={4}
        maxChars={MAX.message}
        value={body}
        error={error}
        onKeyDown={keyDown}
        onPaste={(e) => {
          // a screenshot pasted into the box is attached like a picked file
          if (e.clipboardData.files.length) {
            e.preventDefault()
            uploads.add([...e.clipboardData.files])
          }
        }}
        onChange={(e) => {
          setBody(e.target.value)
          setError(undefined)
        }}
      />
      <AttachmentPicker uploads={uploads} />
      <Button type="submit" busy={busy} className={note ? 'bg-amber-700! hover:bg-amber-800!' : ''}>
        {note ? 'Add internal note' : 'Send reply'}
      </Button>
    </form>
  )
}
