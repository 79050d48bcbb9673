import { useCallback, useEffect, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { api, errorMessage, qs } from '../api'
import { Pager } from '../components/Pager'
import { useAction } from '../form'
import type { Page } from '../types'
import { Alert, Button, Card, Loading, PageTitle, formatDate, useTitle } from '../ui'
import { DeliveryLog } from './DeliveryLog'
import { SecretOnce } from './SecretOnce'
import { DISABLED_REASON, eventLabel, type Webhook } from './types'
import { WebhookForm } from './WebhookForm'
import { ListState } from '../components/ListState'

const PAGE_SIZE = 20

function useEventTypes(): string[] {
  const [types, setTypes] = useState<string[]>([])
  useEffect(() => {
    api<{ items: string[] }>('GET', '/api/admin/webhooks/event-types/').then((r) => setTypes(r.items), () => setTypes([]))
  }, [])
  return types
}

function EnabledBadge({ webhook }: { webhook: Webhook }) {
  return webhook.enabled ? (
    <span data-webhook-state="enabled" className="rounded-full bg-green-100 px-2.5 py-0.5 text-xs font-semibold text-green-900">Enabled</span>
  ) : (
    <span data-webhook-state="disabled" className="rounded-full bg-slate-200 px-2.5 py-0.5 text-xs font-semibold text-slate-800">Disabled</span>
  )
}

/** /admin/webhooks: the registered webhooks and a form for a new one; /admin/webhooks/:webhookId: one with its log. */
export function WebhooksPage() {
  const { webhookId } = useParams()
  return webhookId ? <WebhookDetail id={webhookId} /> : <WebhookList />
}

function WebhookList() {
  useTitle('Webhooks')
  const eventTypes = useEventTypes()
  const [page, setPage] = useState(0)
  const [data, setData] = useState<Page<Webhook> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const [created, setCreated] = useState<Webhook | null>(null)

  const load = useCallback(async () => {
    try {
      setData(await api<Page<Webhook>>('GET', `/api/admin/webhooks/${qs({ page, size: PAGE_SIZE })}`))
      setError(null)
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [page])
  useEffect(() => {
    load()
  }, [load])

  return (
    <div>
      <PageTitle actions={!adding && <Button onClick={() => { setAdding(true); setCreated(null) }}>New webhook</Button>}>Webhooks</PageTitle>
      <p className="mb-4 text-sm text-slate-700">
        Partners receive ticket events as signed CloudEvents (Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature).
      </p>
      {created?.secret && (
        <SecretOnce secret={created.secret} onDone={() => setCreated(null)} />
      )}
      {adding && (
        <Card className="mb-6">
          <h2 className="mb-4 text-lg font-semibold">New webhook</h2>
          <WebhookForm eventTypes={eventTypes} onCancel={() => setAdding(false)}
            onSaved={(w) => { setCreated(w); setAdding(false); setPage(0); load() }} />
        </Card>
      )}
      <ListState data={data} error={error} loading="Loading webhooks…" empty="No webhooks yet.">
        {(data) => (
          <>
            <ul className="space-y-3" aria-label="Webhooks">
              {data.items.map((w) => (
                <li key={w.id} data-webhook={w.url} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <Link to={`/admin/webhooks/${w.id}`} className="font-semibold break-all text-blue-800 underline">{w.url}</Link>
                    <EnabledBadge webhook={w} />
                  </div>
                  {w.description && <p className="mt-1 text-sm break-words text-slate-700">{w.description}</p>}
                  <p className="mt-1 text-xs text-slate-600">{w.eventTypes.map(eventLabel).join(', ')} · registered {formatDate(w.createdAt)}</p>
                  {!w.enabled && w.disabledReason && (
                    <p className="mt-1 text-sm text-red-800">Disabled by the system: {DISABLED_REASON[w.disabledReason] ?? w.disabledReason}.</p>
                  )}
                </li>
              ))}
            </ul>
            <Pager label="Webhook pages" page={page} total={data.total} size={PAGE_SIZE} onPage={setPage} />
          </>
        )}
      </ListState>
    </div>
  )
}

function WebhookDetail({ id }: { id: string }) {
  const navigate = useNavigate()
  const eventTypes = useEventTypes()
  const [webhook, setWebhook] = useState<Webhook | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const [secret, setSecret] = useState<string | null>(null)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const { busy, error: actionError, run: act } = useAction()
  useTitle(webhook ? `Webhook ${webhook.url}` : 'Webhook')

  useEffect(() => {
    api<Webhook>('GET', `/api/admin/webhooks/${encodeURIComponent(id)}/`).then(
      (w) => { setWebhook(w); setError(null) },
      (err) => setError(errorMessage(err)),
    )
  }, [id])

  const back = <Link to="/admin/webhooks" className="text-sm font-semibold text-blue-800 underline">All webhooks</Link>
  if (!webhook) {
    return (
      <div>
        {back}
        {error ? <Alert>{error}</Alert> : <Loading label="Loading the webhook…" />}
      </div>
    )
  }
  return (
    <div>
      {back}
      <PageTitle actions={<EnabledBadge webhook={webhook} />}><span className="break-all">{webhook.url}</span></PageTitle>
      {(error ?? actionError) && <Alert>{error ?? actionError}</Alert>}
      {secret && <SecretOnce secret={secret} rotated onDone={() => setSecret(null)} />}
      {!webhook.enabled && webhook.disabledReason && (
        <Alert kind="info">Disabled by the system {formatDate(webhook.disabledAt)}: {DISABLED_REASON[webhook.disabledReason] ?? webhook.disabledReason}. Enable it to send what is waiting.</Alert>
      )}
      <Card className="mb-6">
        {editing ? (
          <WebhookForm eventTypes={eventTypes} existing={webhook} onCancel={() => setEditing(false)}
            onSaved={(w) => { setWebhook(w); setEditing(false) }} />
        ) : (
          <>
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium">Events</dt><dd>{webhook.eventTypes.map(eventLabel).join(', ')}</dd>
              <dt className="font-medium">Description</dt><dd className="break-words">{webhook.description || '—'}</dd>
              <dt className="font-medium">Failing since</dt><dd>{webhook.failingSince ? formatDate(webhook.failingSince) : '—'}</dd>
              {webhook.previousSecretExpiresAt && <><dt className="font-medium">Previous secret</dt><dd>signs until {formatDate(webhook.previousSecretExpiresAt)}</dd></>}
            </dl>
            <div className="mt-4 flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setEditing(true)}>Edit</Button>
              <Button variant="secondary" busy={busy} onClick={() => act(async () => {
                const rotated = await api<Webhook>('POST', `/api/admin/webhooks/${webhook.id}/rotate-secret/`)
                setSecret(rotated.secret ?? null)
                setWebhook({ ...rotated, secret: undefined })
              })}>Rotate secret</Button>
              {confirmDelete ? (
                <span role="group" aria-label="Confirm deleting the webhook" className="flex flex-wrap gap-2">
                  <Button variant="danger" busy={busy} onClick={() => act(async () => {
                    await api('DELETE', `/api/admin/webhooks/${webhook.id}/`)
                    navigate('/admin/webhooks')
                  })}>Delete webhook and its log</Button>
                  <Button variant="secondary" onClick={() => setConfirmDelete(false)}>Cancel</Button>
                </span>
              ) : (
                <Button variant="secondary" onClick={() => setConfirmDelete(true)}>Delete</Button>
              )}
            </div>
          </>
        )}
      </Card>
      <DeliveryLog webhookId={webhook.id} enabled={webhook.enabled} />
    </div>
  )
}
