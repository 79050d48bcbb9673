import type { ReactNode } from 'react'
import { Alert, Empty, Loading } from '../ui'

/** A list as the API answers it: plain, or one page of it. */
type Listing = readonly unknown[] | { items: readonly unknown[] }

/**
 * A loaded list's states in one place: the last action's outcome, the load error, a spinner until the
 * first answer (none once loading failed), the empty text, or the list itself.
 */
export function ListState<D extends Listing>({
  data,
  error,
  message,
  loading,
  empty,
  children,
}: {
  data: D | null
  error?: string | null
  message?: string | null
  loading: string
  empty: ReactNode
  children: (data: D) => ReactNode
}) {
  const items = data === null ? null : Array.isArray(data) ? data : (data as { items: readonly unknown[] }).items
  return (
    <>
      {message && <Alert kind="success">{message}</Alert>}
      {error && <Alert>{error}</Alert>}
      {data === null ? !error && <Loading label={loading} /> : items!.length === 0 ? <Empty>{empty}</Empty> : children(data)}
    </>
  )
}

/** "1 ticket" / "12 tickets" above a list, announced when it changes. */
export function ListTotal({ total, one, many }: { total: number; one: string; many: string }) {
  return (
    <p className="mb-2 text-sm text-slate-700" aria-live="polite">
      {total} {total === 1 ? one : many}
    </p>
  )
}
