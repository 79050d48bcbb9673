import { useState, type FormEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router'

export const MIN_QUERY = 2
export const MAX_QUERY = 200

/** A search field that opens the results page (/search?q=…); `variant` fits the header or a page. */
export function SearchBox({ variant = 'page' }: { variant?: 'header' | 'page' }) {
  const [params] = useSearchParams()
  const [q, setQ] = useState(params.get('q') ?? '')
  const [hint, setHint] = useState('')
  const navigate = useNavigate()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const text = q.trim()
    if ([...text].length < MIN_QUERY) {
      setHint(`Type at least ${MIN_QUERY} characters.`)
      return
    }
    setHint('')
    navigate(`/search?q=${encodeURIComponent(text)}`)
  }

  const header = variant === 'header'
  return (
    // two search landmarks on one page (header and results page) need different names
    <form role="search" aria-label={header ? 'Quick ticket search' : 'Ticket search'} onSubmit={submit} className={header ? 'flex items-center gap-1' : 'mb-4 flex flex-wrap items-start gap-2'}>
      <label htmlFor={`ticket-search-${variant}`} className="sr-only">
        Search tickets
      </label>
      <input
        id={`ticket-search-${variant}`}
        type="search"
        value={q}
        maxLength={MAX_QUERY}
        placeholder="Search tickets"
        aria-describedby={hint ? `ticket-search-${variant}-hint` : undefined}
        onChange={(e) => setQ(e.target.value)}
        className={
          header
            ? 'w-40 rounded-md border border-white/60 bg-blue-800 px-2 py-1 text-sm text-white placeholder:text-blue-100 sm:w-56'
            : 'w-full max-w-md rounded-md border border-slate-400 px-3 py-2'
        }
      />
      <button type="submit" className={header ? 'rounded-md border border-white/60 px-2 py-1 text-sm font-semibold hover:bg-blue-800' : 'rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800'}>
        Search
      </button>
      {hint && (
        <span id={`ticket-search-${variant}-hint`} role="alert" className={header ? 'text-xs text-yellow-100' : 'text-sm text-red-700'}>
          {hint}
        </span>
      )}
    </form>
  )
}
