import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage, qs } from '../api'
import { Pager } from '../components/Pager'
import type { Page } from '../types'
import { Button, formatDate } from '../ui'
import { eventLabel, type WebhookDelivery } from './types'
import { ListState } from '../components/ListState'

const PAGE_SIZE = 20

const STATUS_STYLE: Record<string, string> = {
  PENDING: 'bg-amber-100 text-amber-900',
  DELIVERED: 'bg-green-100 text-green-900',
  FAILED: 'bg-red-100 text-red-900',
}

const STATUS_LABEL: Record<string, string> = { PENDING: 'Pending', DELIVERED: 'Delivered', FAILED: 'Failed' }

/** The webhook's deliveries, newest first, each attempt with its answer; Redeliver queues the event again. */
export function DeliveryLog({ webhookId, enabled }: { webhookId: string; enabled: boolean }) {
  const [page, setPage] = useState(0)
  const [data, setData] = useState<Page<WebhookDelivery> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setData(await api<Page<WebhookDelivery>>('GET', `/api/admin/webhooks/${webhookId}/deliveries/${qs({ page, size: PAGE_SIZE })}`))
      setError(null)
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [webhookId, page])
  useEffect(() => {
    load()
  }, [load])

  async function redeliver(d: WebhookDelivery) {
    setBusy(d.id)
    setMessage(null)
    setError(null)
    try {
      await api('POST', `/api/admin/webhooks/${webhookId}/deliveries/${d.id}/redeliver/`)
      setMessage(`${eventLabel(d.eventType)} queued again.`)
      setPage(0)
      await load()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section aria-labelledby="delivery-log">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="delivery-log" className="text-lg font-semibold">Deliveries</h2>
        <Button variant="secondary" onClick={load}>Refresh</Button>
      </div>
      <ListState data={data} error={error} message={message} loading="Loading deliveries…" empty="No deliveries yet.">
        {(data) => (
          <>
            <ul className="space-y-3" aria-label="Deliveries">
              {data.items.map((d) => (
                <li key={d.id} data-delivery={d.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-semibold">{eventLabel(d.eventType)}</p>
                      <p className="text-xs break-all text-slate-600">webhook-id {d.id} · event {d.eventId}{d.redeliveryOf && ' · redelivery'}</p>
                    </div>
                    <span data-delivery-status={d.status} className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${STATUS_STYLE[d.status]}`}>{STATUS_LABEL[d.status] ?? d.status}</span>
                  </div>
                  <p className="mt-1 text-sm text-slate-700">
                    Queued {formatDate(d.createdAt)} · {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
                    {d.status === 'PENDING' && d.nextAttemptAt && ` · next try ${formatDate(d.nextAttemptAt)}`}
                  </p>
                  {d.attemptLog.length > 0 && (
                    <table className="mt-2 w-full text-left text-xs">
                      <caption className="sr-only">Attempts</caption>
                      <thead><tr><th scope="col">#</th><th scope="col">Started</th><th scope="col">Response</th><th scope="col">Duration</th><th scope="col">Answer</th></tr></thead>
                      <tbody>
                        {d.attemptLog.map((a) => (
                          <tr key={a.attempt} className="align-top">
                            <td>{a.attempt}</td>
                            <td>{formatDate(a.startedAt)}</td>
                            <td data-response-code={a.responseCode ?? ''}>{a.responseCode ?? '—'}</td>
                            <td>{a.durationMs} ms</td>
                            <td className="max-w-xs break-all whitespace-pre-wrap">{a.error ?? a.responseExcerpt ?? ''}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                  {d.status !== 'PENDING' && (
                    <div className="mt-2">
                      <Button variant="secondary" busy={busy === d.id} disabled={!enabled}
                        aria-label={`Redeliver ${eventLabel(d.eventType)} ${d.eventId}`} onClick={() => redeliver(d)}>Redeliver</Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
            <Pager label="Delivery pages" page={page} total={data.total} size={PAGE_SIZE} onPage={setPage} />
          </>
        )}
      </ListState>
    </section>
  )
}
