import { useCallback, useEffect, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { api, errorMessage, qs } from '../api'
import { useAuth } from '../auth'
import { useLiveNotifications } from '../notifications'
import { CATEGORIES, CATEGORY_SHORT, PRIORITIES, PRIORITY_LABEL, STATUSES, STATUS_LABEL, type Page, type Ticket } from '../types'
import { Alert, Button, Empty, Loading, PageTitle, formatDate, useTitle } from '../ui'
import { TicketList } from './SupportHub'
import { EnumSelect } from '../components/EnumSelect'
import { FilterBar } from '../components/FilterBar'
import { TicketHeading } from '../components/TicketHeading'
import { useDueRefresh } from '../sla/SlaBadge'
import { SortSelect, useSort } from '../sla/SortSelect'

function Count({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 text-center shadow-sm">
      <div className="text-2xl font-bold">{value}</div>
      <div className="text-xs text-slate-600">{label}</div>
    </div>
  )
}

/** The status filter's first choice: every ticket not yet resolved or closed (what the list shows first). */
const ACTIVE = [{ value: 'ACTIVE', label: 'Not yet resolved' }]

export function AgentDashboard() {
  const { session } = useAuth()
  const navigate = useNavigate()
  useTitle('Agent dashboard')
  const [assigned, setAssigned] = useState<Ticket[] | null>(null)
  const [queue, setQueue] = useState<Ticket[] | null>(null)
  const [queueTotal, setQueueTotal] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [takeError, setTakeError] = useState<string | null>(null)
  const [taking, setTaking] = useState<string | null>(null)
  const [status, setStatus] = useState('ACTIVE')
  const [priority, setPriority] = useState('')
  const [category, setCategory] = useState('')
  const [sort] = useSort()

  const load = useCallback(async () => {
    try {
      const [mine, open] = await Promise.all([
        api<Page<Ticket>>('GET', `/api/agent/tickets/${qs({ scope: 'assigned', size: 100, sort })}`),
        api<Page<Ticket>>('GET', `/api/agent/tickets/${qs({ scope: 'queue', size: 100, sort })}`),
      ])
      setAssigned(mine.items)
      setQueue(open.items)
      setQueueTotal(open.total)
      setError(null)
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [sort])

  useEffect(() => {
    load()
  }, [load])
  useLiveNotifications(() => {
    load()
  })
  useDueRefresh(assigned, load)
  useDueRefresh(queue, load)

  async function take(ticket: Ticket) {
    setTaking(ticket.id)
    setTakeError(null)
    try {
      await api('POST', `/api/support/tickets/${ticket.id}/assign-self/`)
      navigate(`/support/tickets/${ticket.id}`)
    } catch (err) {
      setTakeError(`${ticket.reference}: ${errorMessage(err)}`)
      setTaking(null)
      load()
    }
  }

  const filtered = (assigned ?? []).filter(
    (t) =>
      (status === '' || (status === 'ACTIVE' ? t.status !== 'RESOLVED' && t.status !== 'CLOSED' : t.status === status)) &&
      (priority === '' || t.priority === priority) &&
      (category === '' || t.category === category),
  )
  const count = (s: string) => (assigned ?? []).filter((t) => t.status === s).length
  const unresolved = (assigned ?? []).filter((t) => t.status !== 'RESOLVED' && t.status !== 'CLOSED').length
  // an admin is never an assignee: the page is the queue only (all tickets are on Support management)
  const admin = session?.role === 'admin'

  return (
    <>
      <PageTitle>{admin ? 'Ticket queue' : 'Agent dashboard'}</PageTitle>
      {error && <Alert>{error}</Alert>}
      {/* each number counts what its label says; "not yet resolved" is also what the list shows first */}
      <section aria-label="Counts" className={`mb-6 grid gap-3 ${admin ? 'grid-cols-1 sm:max-w-56' : 'grid-cols-2 sm:grid-cols-5'}`}>
        {!admin && (
          <>
            <Count label="Assigned to me, not yet resolved" value={assigned ? unresolved : '…'} />
            <Count label="Open" value={assigned ? count('OPEN') : '…'} />
            <Count label="In progress" value={assigned ? count('IN_PROGRESS') : '…'} />
            <Count label="On hold" value={assigned ? count('ON_HOLD') : '…'} />
          </>
        )}
        <Count label="Unassigned queue" value={queue ? queueTotal : '…'} />
      </section>
      <FilterBar label="List order" className="mb-4 grid-cols-1 sm:max-w-56">
        <SortSelect />
      </FilterBar>
      {admin && (
        <p className="mb-4 text-sm text-slate-700">
          Every ticket, assigned or not, is listed on{' '}
          <Link className="font-semibold text-blue-800 underline" to="/admin/support">
            Support management
          </Link>
          .
        </p>
      )}
      <div className={`grid gap-6 ${admin ? '' : 'lg:grid-cols-2'}`}>
        {!admin && (
          <section className="min-w-0" aria-labelledby="mine">
            <h2 id="mine" className="mb-3 text-xl font-semibold">
              My tickets
            </h2>
            <FilterBar label="Filters" className="mb-3 grid-cols-3">
              <EnumSelect label="Status" value={status} before={ACTIVE} values={STATUSES} labels={STATUS_LABEL} onChange={setStatus} />
              <EnumSelect label="Priority" value={priority} values={PRIORITIES} labels={PRIORITY_LABEL} onChange={setPriority} />
              <EnumSelect label="Category" value={category} values={CATEGORIES} labels={CATEGORY_SHORT} onChange={setCategory} />
            </FilterBar>
            {assigned === null && !error ? (
              <Loading label="Loading your tickets…" />
            ) : filtered.length === 0 ? (
              <Empty>{assigned && assigned.length > 0 ? 'No tickets match these filters.' : 'No tickets assigned to you. Take one from the queue.'}</Empty>
            ) : (
              <TicketList tickets={filtered} showCustomer />
            )}
          </section>
        )}
        <section className="min-w-0" aria-labelledby="queue">
          <h2 id="queue" className="mb-3 text-xl font-semibold">
            Unassigned queue
          </h2>
          {takeError && <Alert>{takeError}</Alert>}
          {queue === null && !error ? (
            <Loading label="Loading the queue…" />
          ) : queue && queue.length === 0 ? (
            <Empty>The queue is empty: every open ticket has an agent.</Empty>
          ) : (
            queue && (
              <ul className="space-y-3" aria-label="Unassigned tickets">
                {queue.map((t) => (
                  <li key={t.id} data-ticket={t.reference} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                    <TicketHeading ticket={t} subjectClassName="mt-1 block font-medium wrap-anywhere text-blue-900 underline" />
                    <p className="text-xs wrap-anywhere text-slate-500">
                      {t.customerName} · opened {formatDate(t.createdAt)}
                    </p>
                    {session?.role === 'agent' && (
                      <Button className="mt-2" busy={taking === t.id} disabled={taking !== null} onClick={() => take(t)} aria-label={`Assign to me: ${t.reference}`}>
                        Assign to me
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )
          )}
        </section>
      </div>
    </>
  )
}
