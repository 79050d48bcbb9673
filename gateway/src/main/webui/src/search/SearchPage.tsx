import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { api, errorMessage, qs } from '../api'
import { useAuth } from '../auth'
import { Pager } from '../components/Pager'
import type { Page, Ticket } from '../types'
import { Alert, Card, Empty, Loading, PageTitle, StatusBadge, formatDate, useTitle } from '../ui'
import { Highlighted } from './Highlighted'
import { MIN_QUERY, SearchBox } from './SearchBox'

export interface Highlight {
  field: 'reference' | 'subject' | 'description' | 'message' | 'deliveryId' | 'customerName' | 'customerEmail'
  messageId?: string
  snippet: string
}

export interface SearchHit {
  ticket: Ticket
  highlights: Highlight[]
}

export type SearchResults = Page<SearchHit> & { totalCapped?: boolean }

const SIZE = 20

const FIELD_LABEL: Record<Highlight['field'], string> = {
  reference: 'Reference',
  subject: 'Subject',
  description: 'Description',
  message: 'Message',
  deliveryId: 'Delivery',
  customerName: 'Customer',
  customerEmail: 'E-mail',
}

/** The results page, /search?q=…&page=… (for the signed-in person's role). */
export function SearchPage() {
  const { session } = useAuth()
  return <SearchView staff={session?.role === 'agent' || session?.role === 'admin'} />
}

/** Everything the page shows comes from the URL, so a reload or a link keeps it. */
export function SearchView({ staff }: { staff: boolean }) {
  const [params, setParams] = useSearchParams()
  const q = (params.get('q') ?? '').trim()
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0)
  const [results, setResults] = useState<SearchResults | null>(null)
  const [error, setError] = useState('')
  const links = useRef<(HTMLAnchorElement | null)[]>([])
  useTitle(q ? `Search: ${q}` : 'Search')

  useEffect(() => {
    setResults(null)
    setError('')
    if ([...q].length < MIN_QUERY) return
    let current = true
    api<SearchResults>('GET', `/api/support/tickets/search/${qs({ q, page, size: SIZE })}`)
      .then((found) => current && setResults(found))
      .catch((e) => current && setError(errorMessage(e)))
    return () => {
      current = false
    }
  }, [q, page])

  // arrow keys move between the results, Enter opens the focused one (a link)
  const onKey = (e: KeyboardEvent<HTMLOListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    const items = links.current.filter((l): l is HTMLAnchorElement => l !== null)
    if (items.length === 0) return
    e.preventDefault()
    const at = items.indexOf(document.activeElement as HTMLAnchorElement)
    const next = e.key === 'ArrowDown' ? Math.min(items.length - 1, at + 1) : Math.max(0, at - 1)
    items[next].focus()
  }

  return (
    <Card>
      <PageTitle>Search</PageTitle>
      <SearchBox key={q} />
      {[...q].length < MIN_QUERY ? (
        <Empty>Type at least {MIN_QUERY} characters: a reference, a delivery id or words from the ticket{staff ? ', a customer’s name or e-mail' : ''}.</Empty>
      ) : error ? (
        <Alert>{error}</Alert>
      ) : !results ? (
        <Loading label="Searching…" />
      ) : results.items.length === 0 ? (
        <Empty>No tickets match “{q}”.</Empty>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700" aria-live="polite" data-testid="search-total">
            {results.totalCapped ? 'More than ' : ''}
            {results.total} {results.total === 1 ? 'ticket' : 'tickets'} found · use ↑ ↓ and Enter
          </p>
          <ol aria-label="Search results" onKeyDown={onKey} className="divide-y divide-slate-200">
            {results.items.map((hit, i) => (
              <li key={hit.ticket.id} className="py-2" data-testid="search-hit">
                <Link
                  ref={(el) => {
                    links.current[i] = el
                  }}
                  to={`/support/tickets/${hit.ticket.id}`}
                  className="block rounded-md p-2 hover:bg-slate-50 focus:bg-blue-50 focus:outline-2 focus:outline-blue-700"
                >
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-mono text-sm">{hit.ticket.reference}</span>
                    <span className="font-semibold wrap-anywhere">{hit.ticket.subject}</span>
                    <StatusBadge status={hit.ticket.status} />
                    <span className="text-xs text-slate-600">{formatDate(hit.ticket.createdAt)}</span>
                  </span>
                  <span className="mt-1 block space-y-0.5 text-sm text-slate-700">
                    {hit.highlights.map((h, j) => (
                      <span key={j} className="block wrap-anywhere" data-field={h.field}>
                        <span className="mr-1 text-xs font-semibold text-slate-500 uppercase">{FIELD_LABEL[h.field] ?? h.field}</span>
                        <Highlighted snippet={h.snippet} />
                      </span>
                    ))}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
          <Pager
            label="Search result pages"
            page={page}
            total={results.total}
            size={SIZE}
            onPage={(p) => setParams({ q, page: String(p) })}
          />
        </>
      )}
    </Card>
  )
}
