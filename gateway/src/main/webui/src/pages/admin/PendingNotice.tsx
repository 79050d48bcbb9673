import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { api, qs } from '../../api'
import type { Account, Page } from '../../types'

/** On the overview: how many agent registrations wait for a decision, with a link to them. */
export function PendingNotice({ reloadKey }: { reloadKey: number }) {
  const [waiting, setWaiting] = useState(0)
  useEffect(() => {
    let current = true
    api<Page<Account>>('GET', `/api/admin/agents/${qs({ status: 'PENDING', size: 1 })}`)
      .then((page) => current && setWaiting(page.total))
      .catch(() => current && setWaiting(0))
    return () => {
      current = false
    }
  }, [reloadKey])
  if (waiting === 0) return null
  return (
    <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="pending-notice">
      {waiting === 1 ? '1 agent registration is' : `${waiting} agent registrations are`} waiting for your decision.{' '}
      <Link to="/admin/support/agents" className="font-semibold text-blue-900 underline">
        Review registrations
      </Link>
    </p>
  )
}
