import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { AdminSectionNav, adminSection } from './admin/AdminSections'
import { AgentAccounts } from './admin/AgentAccounts'
import { FaqAdmin } from './admin/FaqAdmin'
import { PendingNotice } from './admin/PendingNotice'
import { SlaPolicyEditor } from './admin/SlaPolicy'
import { Reports } from '../reports/Reports'
import { Unassign } from './admin/Unassign'
import { api, errorMessage, qs } from '../api'
import { useLiveNotifications } from '../notifications'
import { CATEGORIES, CATEGORY_SHORT, PRIORITIES, PRIORITY_LABEL, STATUSES, STATUS_LABEL, type Account, type Page, type Stats, type Status, type Ticket } from '../types'
import { Alert, Button, Card, Loading, PageTitle, formatDate, formatDuration, useTitle } from '../ui'
import { EnumSelect } from '../components/EnumSelect'
import { FilterBar } from '../components/FilterBar'
import { Pager } from '../components/Pager'
import { TicketHeading } from '../components/TicketHeading'
import { useDueRefresh } from '../sla/SlaBadge'
import { SortSelect, useSort } from '../sla/SortSelect'
import { ListState, ListTotal } from '../components/ListState'
import { ConfirmButtons } from '../components/ConfirmBox'
import { useAction } from '../form'

const BAR_COLORS: Record<Status, string> = {
  OPEN: '#0284c7',
  IN_PROGRESS: '#d97706',
  ON_HOLD: '#9333ea',
  RESOLVED: '#16a34a',
  CLOSED: '#64748b',
}

/** Tickets by status as a horizontal bar chart (SVG, no script or inline style needed). */
function StatusChart({ stats }: { stats: Stats }) {
  const max = Math.max(1, ...STATUSES.map((s) => stats.byStatus[s] ?? 0))
  const row = 32
  const summary = STATUSES.map((s) => `${STATUS_LABEL[s]} ${stats.byStatus[s] ?? 0}`).join(', ')
  return (
    <figure>
      <svg viewBox={`0 0 400 ${row * STATUSES.length}`} className="h-auto w-full" role="img" aria-label={`Tickets by status: ${summary}`}>
        {STATUSES.map((s, i) => {
          const value = stats.byStatus[s] ?? 0
          const width = (value / max) * 250
          return (
            <g key={s} transform={`translate(0 ${i * row})`}>
              <text x="0" y="20" fontSize="13" fill="#334155">
                {STATUS_LABEL[s]}
              </text>
              <rect x="95" y="6" width={Math.max(width, value > 0 ? 3 : 0)} height="18" rx="3" fill={BAR_COLORS[s]} />
              <text x={100 + width} y="20" fontSize="13" fill="#0f172a" fontWeight="600">
                {value}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption className="sr-only">Tickets by status</figcaption>
    </figure>
  )
}

/** "95 %", or "—" while no clock of that priority has stopped. */
function percent(value: number | null | undefined): string {
  return value == null ? '—' : `${Math.round(value * 10) / 10} %`
}

/** "Name (e-mail)": two agents may share a name, never an e-mail address. */
function agentLabel(a: Account): string {
  return `${a.name} (${a.email})`
}

function agentLabels(agents: Account[]): Record<string, string> {
  return Object.fromEntries(agents.map((a) => [a.id, agentLabel(a)]))
}

function StatsPanel({ stats, error, agents }: { stats: Stats | null; error: string | null; agents: Account[] }) {
  if (error) return <Alert>{error}</Alert>
  if (!stats) return <Loading label="Loading statistics…" />
  const emails = new Map(agents.map((a) => [a.id, a.email]))
  const tile = (label: string, value: string | number) => (
    <div className="rounded-lg border border-slate-200 bg-white p-3 text-center shadow-sm">
      <div className="text-2xl font-bold">{value}</div>
      <div className="text-xs text-slate-600">{label}</div>
    </div>
  )
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Key figures" role="group">
        {tile('Tickets', stats.total)}
        {tile('Unassigned', stats.unassigned)}
        {tile('Average rating', stats.averageRating == null ? '—' : `${stats.averageRating.toFixed(1)} / 5`)}
        {tile('First response', formatDuration(stats.averageFirstResponseSeconds))}
        {tile('Resolution', formatDuration(stats.averageResolutionSeconds))}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <h3 className="mb-2 font-semibold">By status</h3>
          <StatusChart stats={stats} />
          <p className="mt-2 text-xs text-slate-600">
            By priority: {PRIORITIES.map((p) => `${PRIORITY_LABEL[p]} ${stats.byPriority[p] ?? 0}`).join(' · ')}
            <br />
            By category: {CATEGORIES.map((c) => `${CATEGORY_SHORT[c]} ${stats.byCategory[c] ?? 0}`).join(' · ')}
            {stats.slaMetPercent && (
              <>
                <br />
                <span data-testid="sla-met">Resolution target met: {PRIORITIES.map((p) => `${PRIORITY_LABEL[p]} ${percent(stats.slaMetPercent?.[p])}`).join(' · ')}</span>
              </>
            )}
          </p>
        </Card>
        <Card>
          <h3 className="mb-2 font-semibold">Agent load</h3>
          {stats.agentLoad.length === 0 ? (
            <p className="text-sm text-slate-600">No approved agents yet.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead>
                  <tr className="text-left text-slate-600">
                    <th scope="col" className="py-1">Agent</th>
                    <th scope="col" className="py-1 pl-3 text-right">Not resolved</th>
                    <th scope="col" className="py-1 pl-3 text-right">Resolved</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.agentLoad.map((a) => (
                    <tr key={a.agentId} className="border-t border-slate-100">
                      <td className="py-1 wrap-anywhere">
                        {a.name}
                        {emails.get(a.agentId) && <span className="block text-xs text-slate-600">{emails.get(a.agentId)}</span>}
                      </td>
                      <td className="py-1 pl-3 text-right">{a.openTickets}</td>
                      <td className="py-1 pl-3 text-right">{a.resolvedTickets}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </div>
  )
}

function PendingAgents({ onDecided }: { onDecided: () => void }) {
  const [pending, setPending] = useState<Account[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const page = await api<Page<Account>>('GET', `/api/admin/agents/${qs({ status: 'PENDING', size: 100 })}`)
      setPending(page.items)
      setError(null)
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [])
  useEffect(() => {
    load()
  }, [load])
  useLiveNotifications((n) => {
    if (!n.ticketId) load()
  })

  async function decide(agent: Account, approve: boolean) {
    if (!approve) {
      if (!reason.trim()) {
        setReasonError('Give the agent a reason.')
        return
      }
      if (reason.length > 1000) {
        setReasonError('At most 1,000 characters.')
        return
      }
    }
    setBusy(agent.id)
    setError(null)
    try {
      if (approve) await api('POST', `/api/admin/approve-agent/${agent.id}/`)
      else await api('POST', `/api/admin/reject-agent/${agent.id}/`, { reason: reason.trim() })
      setMessage(`${agent.name} ${approve ? 'approved' : 'rejected'}.`)
      setRejecting(null)
      setReason('')
      await load()
      onDecided()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div>
      <ListState data={pending} error={error} message={message} loading="Loading registrations…" empty="No agent registrations are waiting.">
        {(pending) => (
          <ul className="space-y-3" aria-label="Pending agents">
            {pending.map((a) => (
              <li key={a.id} data-agent={a.email} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <p className="font-semibold wrap-anywhere">{a.name}</p>
                <p className="text-sm wrap-anywhere text-slate-700">{a.email}</p>
                {a.phone && <p className="text-sm text-slate-700">{a.phone}</p>}
                <p className="text-xs text-slate-500">Registered {formatDate(a.createdAt)}</p>
                {rejecting === a.id ? (
                  <div className="mt-3">
                    <label htmlFor={`reason-${a.id}`} className="block text-sm font-medium">
                      Reason for rejecting (shown to the applicant)
                    </label>
                    <textarea
                      id={`reason-${a.id}`}
                      rows={2}
                      value={reason}
                      aria-invalid={reasonError ? true : undefined}
                      aria-describedby={reasonError ? `reason-${a.id}-error` : undefined}
                      onChange={(e) => {
                        setReason(e.target.value)
                        setReasonError(null)
                      }}
                      className={`mt-1 block w-full rounded-md border px-3 py-2 ${reasonError ? 'border-red-600' : 'border-slate-300'}`}
                    />
                    {reasonError && (
                      <p id={`reason-${a.id}-error`} className="mt-1 text-sm text-red-700">
                        {reasonError}
                      </p>
                    )}
                    <ConfirmButtons className="mt-2" confirm="Confirm rejection" busy={busy === a.id} onConfirm={() => decide(a, false)} onCancel={() => setRejecting(null)} />
                  </div>
                ) : (
                  <div className="mt-3 flex flex-wrap gap-2">
                    <Button busy={busy === a.id} onClick={() => decide(a, true)} aria-label={`Approve ${a.name}`}>
                      Approve
                    </Button>
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setRejecting(a.id)
                        setReason('')
                        setReasonError(null)
                      }}
                      aria-label={`Reject ${a.name}`}
                    >
                      Reject
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </div>
  )
}

function Reassign({ ticket, agents, onDone }: { ticket: Ticket; agents: Account[]; onDone: (message: string | null, error?: string) => void }) {
  const [open, setOpen] = useState(false)
  const [agentId, setAgentId] = useState('')
  const { busy, error, setError, run } = useAction()
  const choices = agents.filter((a) => a.id !== ticket.assigneeId)
  if (ticket.status === 'CLOSED') return null
  if (!open) {
    return (
      <Button variant="secondary" small onClick={() => setOpen(true)} aria-label={`Reassign ${ticket.reference}`}>
        Reassign
      </Button>
    )
  }
  async function save() {
    if (!agentId) {
      setError('Choose an agent.')
      return
    }
    await run(async () => {
      await api('POST', `/api/support/tickets/${ticket.id}/reassign/`, { agentId })
      setOpen(false)
      onDone(`${ticket.reference} reassigned to ${agents.find((a) => a.id === agentId)?.name}.`)
    })
  }
  return (
    <div className="flex flex-col gap-1">
      <EnumSelect
        className="text-xs"
        label={`New agent for ${ticket.reference}`}
        value={agentId}
        invalid={!!error}
        any="Choose…"
        values={choices.map((a) => a.id)}
        labels={agentLabels(choices)}
        onChange={(id) => {
          setAgentId(id)
          setError(null)
        }}
      />
      {error && <span className="text-xs text-red-700">{error}</span>}
      <div className="flex gap-1">
        <Button small busy={busy} onClick={save}>
          Save
        </Button>
        <Button variant="secondary" small onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </div>
  )
}

interface Filters {
  status: string
  priority: string
  category: string
  assignee: string
}

function AllTickets({ agents, reloadKey, onChanged }: { agents: Account[]; reloadKey: number; onChanged: () => void }) {
  const [filters, setFilters] = useState<Filters>({ status: '', priority: '', category: '', assignee: '' })
  const [page, setPage] = useState(0)
  const [data, setData] = useState<Page<Ticket> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [sort] = useSort()
  const size = 20

  const load = useCallback(async () => {
    try {
      const params = {
        status: filters.status,
        priority: filters.priority,
        category: filters.category,
        assigneeId: filters.assignee && filters.assignee !== 'none' ? filters.assignee : undefined,
        unassigned: filters.assignee === 'none' ? true : undefined,
        sort,
        page,
        size,
      }
      setData(await api<Page<Ticket>>('GET', `/api/admin/support/tickets/${qs(params)}`))
      setError(null)
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [filters, page, sort])

  useEffect(() => {
    load()
  }, [load, reloadKey])
  useDueRefresh(data?.items ?? null, load)

  const set = (key: keyof Filters, value: string) => {
    setFilters({ ...filters, [key]: value })
    setPage(0)
  }

  return (
    <div>
      <FilterBar label="Ticket filters" className="mb-4 grid-cols-2 sm:grid-cols-5">
        <EnumSelect label="Status" value={filters.status} values={STATUSES} labels={STATUS_LABEL} onChange={(v) => set('status', v)} />
        <EnumSelect label="Priority" value={filters.priority} values={PRIORITIES} labels={PRIORITY_LABEL} onChange={(v) => set('priority', v)} />
        <EnumSelect label="Category" value={filters.category} values={CATEGORIES} labels={CATEGORY_SHORT} onChange={(v) => set('category', v)} />
        <EnumSelect
          label="Assignee"
          value={filters.assignee}
          any="Anyone"
          values={['none', ...agents.map((a) => a.id)]}
          labels={{ none: 'Unassigned', ...agentLabels(agents) }}
          onChange={(v) => set('assignee', v)}
        />
        <SortSelect onChanged={() => setPage(0)} />
      </FilterBar>
      <ListState data={data} error={error} message={message} loading="Loading tickets…" empty="No tickets match these filters.">
        {(data) => (
          <>
            <ListTotal total={data.total} one="ticket" many="tickets" />
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="All tickets">
              {data.items.map((t) => (
                <li key={t.id} data-ticket={t.reference} className="flex flex-col gap-2 px-4 py-3 md:flex-row md:items-center md:gap-4">
                  <div className="min-w-0 flex-1">
                    <TicketHeading ticket={t} />
                    <p className="text-xs wrap-anywhere text-slate-600">
                      {t.customerName} · <span data-testid="assignee">{t.assigneeName ? `Assigned to ${t.assigneeName}` : 'Unassigned'}</span> · {formatDate(t.updatedAt)}
                    </p>
                  </div>
                  <Reassign
                    ticket={t}
                    agents={agents}
                    onDone={(m) => {
                      setMessage(m)
                      load()
                      onChanged()
                    }}
                  />
                  <Unassign
                    ticket={t}
                    onDone={(m) => {
                      setMessage(m)
                      load()
                      onChanged()
                    }}
                  />
                </li>
              ))}
            </ul>
            <Pager label="Pages" page={page} total={data.total} size={size} onPage={setPage} />
          </>
        )}
      </ListState>
    </div>
  )
}

/** A part of a section page, named by its heading. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  )
}

export function AdminSupport() {
  const { section } = useParams()
  const current = adminSection(section)
  useTitle(current && current.key ? `${current.label} · Support management` : current ? 'Support management' : 'Not found')
  const [stats, setStats] = useState<Stats | null>(null)
  const [statsError, setStatsError] = useState<string | null>(null)
  const [agents, setAgents] = useState<Account[]>([])
  const [reloadKey, setReloadKey] = useState(0)

  const loadStats = useCallback(async () => {
    try {
      setStats(await api<Stats>('GET', '/api/admin/support/stats/'))
      setStatsError(null)
    } catch (err) {
      setStatsError(errorMessage(err))
    }
  }, [])
  const loadAgents = useCallback(async () => {
    try {
      setAgents((await api<Page<Account>>('GET', `/api/admin/agents/${qs({ status: 'APPROVED', size: 100 })}`)).items)
    } catch {
      setAgents([])
    }
  }, [])

  useEffect(() => {
    loadStats()
    loadAgents()
  }, [loadStats, loadAgents])
  useLiveNotifications(() => {
    loadStats()
    setReloadKey((k) => k + 1)
  })

  if (!current) {
    return (
      <Card>
        <PageTitle>Page not found</PageTitle>
        <Link className="font-semibold text-blue-800 underline" to="/admin/support">
          Go to support management
        </Link>
      </Card>
    )
  }
  const agentsChanged = () => {
    loadAgents()
    loadStats()
  }

  return (
    <>
      <PageTitle>Support management</PageTitle>
      <AdminSectionNav />
      <div className="space-y-8">
        {current.key === '' && (
          <section aria-labelledby="stats-heading">
            <h2 id="stats-heading" className="mb-3 text-xl font-semibold">
              Statistics
            </h2>
            <PendingNotice reloadKey={reloadKey} />
            <StatsPanel stats={stats} error={statsError} agents={agents} />
          </section>
        )}
        {current.key === 'agents' && (
          <>
            <section aria-labelledby="approvals-heading">
              <h2 id="approvals-heading" className="mb-3 text-xl font-semibold">
                Pending agent approvals
              </h2>
              <PendingAgents onDecided={agentsChanged} />
            </section>
            <section aria-labelledby="accounts-heading">
              <h2 id="accounts-heading" className="mb-3 text-xl font-semibold">
                Agent accounts
              </h2>
              <AgentAccounts onChanged={agentsChanged} />
            </section>
          </>
        )}
        {current.key === 'tickets' && (
          <Section id="tickets-heading" title="All tickets">
            <AllTickets agents={agents} reloadKey={reloadKey} onChanged={loadStats} />
          </Section>
        )}
        {current.key === 'faq' && (
          <Section id="faq-heading" title="FAQ entries">
            <FaqAdmin />
          </Section>
        )}
        {current.key === 'sla' && (
          <Section id="sla-heading" title="SLA policy">
            <SlaPolicyEditor />
          </Section>
        )}
        {/* reports */}
        {current.key === 'reports' && (
          <Section id="reports-heading" title="Reports">
            <Reports />
          </Section>
        )}
      </div>
    </>
  )
}
