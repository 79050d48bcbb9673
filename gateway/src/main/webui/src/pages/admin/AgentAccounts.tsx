import { useCallback, useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import { api, errorMessage, qs } from '../../api'
import { useLiveNotifications } from '../../notifications'
import type { Account, Page } from '../../types'
import { Button, formatDate } from '../../ui'
import { Pager } from '../../components/Pager'
import { ListState, ListTotal } from '../../components/ListState'
import { ConfirmBox } from '../../components/ConfirmBox'

/** The agent statuses the admin can list; PENDING ones have their own panel (approve / reject). */
const FILTERS = ['APPROVED', 'REJECTED', 'DEACTIVATED', 'ALL'] as const
type Filter = (typeof FILTERS)[number]

const FILTER_LABEL: Record<Filter, string> = {
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  DEACTIVATED: 'Deactivated',
  ALL: 'All agents',
}

export const ACCOUNT_STATUS_LABEL: Record<string, string> = {
  PENDING: 'Awaiting approval',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  DEACTIVATED: 'Deactivated',
}

const STATUS_STYLE: Record<string, string> = {
  PENDING: 'bg-amber-100 text-amber-900',
  APPROVED: 'bg-green-100 text-green-900',
  REJECTED: 'bg-red-100 text-red-900',
  DEACTIVATED: 'bg-slate-200 text-slate-800',
}

const PAGE_SIZE = 50

function parseFilter(value: string | null): Filter {
  return FILTERS.find((f) => f === value) ?? 'APPROVED'
}

/**
 * Agent accounts by status (GET /api/admin/agents/?status=…), with Deactivate (after a
 * confirmation) for approved agents and Reactivate for deactivated ones. The chosen status is in
 * the URL (?status=REJECTED), so a reload or a link keeps it.
 */
export function AgentAccounts({ onChanged }: { onChanged: () => void }) {
  const [params, setParams] = useSearchParams()
  const filter = parseFilter(params.get('status'))
  const [page, setPage] = useState(0)
  const [data, setData] = useState<Page<Account> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const status = filter === 'ALL' ? undefined : filter
      setData(await api<Page<Account>>('GET', `/api/admin/agents/${qs({ status, page, size: PAGE_SIZE })}`))
      setError(null)
    } catch (err) {
      setData(null)
      setError(errorMessage(err))
    }
  }, [filter, page])

  useEffect(() => {
    load()
  }, [load])
  // registrations and decisions arrive as notifications without a ticket
  useLiveNotifications((n) => {
    if (!n.ticketId) load()
  })

  function choose(next: Filter) {
    const search = new URLSearchParams(params)
    if (next === 'APPROVED') search.delete('status')
    else search.set('status', next)
    setParams(search, { replace: true })
    setData(null) // not the other status's list while this one loads
    setPage(0)
    setConfirming(null)
    setMessage(null)
  }

  async function change(agent: Account, action: 'deactivate' | 'reactivate') {
    setBusy(agent.id)
    setError(null)
    setMessage(null)
    try {
      await api('POST', `/api/admin/agents/${agent.id}/${action}/`)
      setMessage(action === 'deactivate' ? `${agent.name} deactivated: they can no longer sign in, and their open tickets go back to auto-assignment.` : `${agent.name} reactivated.`)
      setConfirming(null)
      await load()
      onChanged()
    } catch (err) {
      setError(`${agent.name}: ${errorMessage(err)}`)
    } finally {
      setBusy(null)
    }
  }

  return (
    <div>
      <div className="mb-4 flex flex-wrap gap-2" role="group" aria-label="Show agents">
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            onClick={() => choose(f)}
            className={`min-h-10 rounded-full border px-3 py-1 text-sm ${filter === f ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`}
          >
            {FILTER_LABEL[f]}
          </button>
        ))}
      </div>
      <ListState data={data} error={error} message={message} loading="Loading agents…" empty={filter === 'ALL' ? 'No agents yet.' : `No ${FILTER_LABEL[filter].toLowerCase()} agents.`}>
        {(data) => (
          <>
            <ListTotal total={data.total} one="agent" many="agents" />
            <ul className="space-y-3" aria-label={`${FILTER_LABEL[filter]} agents`}>
              {data.items.map((a) => (
                <li key={a.id} data-account={a.email} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-semibold break-words">{a.name}</p>
                      <p className="text-sm break-all text-slate-700">{a.email}</p>
                      {a.phone && <p className="text-sm text-slate-700">{a.phone}</p>}
                    </div>
                    <span data-account-status={a.status} className={`rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${STATUS_STYLE[a.status] ?? STATUS_STYLE.DEACTIVATED}`}>
                      {ACCOUNT_STATUS_LABEL[a.status] ?? a.status}
                    </span>
                  </div>
                  <p className="mt-1 text-xs text-slate-600">
                    Registered {formatDate(a.createdAt)}
                    {a.decidedAt && ` · decided ${formatDate(a.decidedAt)}`}
                  </p>
                  {a.rejectionReason && (
                    <p className="mt-1 text-sm break-words text-slate-700">
                      <span className="font-medium">Reason:</span> {a.rejectionReason}
                    </p>
                  )}
                  {a.status === 'APPROVED' &&
                    (confirming === a.id ? (
                      <ConfirmBox
                        label={`Confirm deactivating ${a.name}`}
                        className="mt-3"
                        confirm="Confirm deactivation"
                        busy={busy === a.id}
                        onConfirm={() => change(a, 'deactivate')}
                        onCancel={() => setConfirming(null)}
                      >
                        Deactivate {a.name}? They can no longer sign in, their sessions end within a minute, and their open tickets go back to
                        auto-assignment. You can reactivate the account later.
                      </ConfirmBox>
                    ) : (
                      <div className="mt-3">
                        <Button variant="secondary" onClick={() => setConfirming(a.id)} aria-label={`Deactivate ${a.name}`}>
                          Deactivate
                        </Button>
                      </div>
                    ))}
                  {a.status === 'DEACTIVATED' && (
                    <div className="mt-3">
                      <Button busy={busy === a.id} onClick={() => change(a, 'reactivate')} aria-label={`Reactivate ${a.name}`}>
                        Reactivate
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
            <Pager label="Agent pages" page={page} total={data.total} size={PAGE_SIZE} onPage={setPage} />
          </>
        )}
      </ListState>
    </div>
  )
}
