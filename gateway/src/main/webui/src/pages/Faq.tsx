import { useEffect, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { api, errorMessage, qs } from '../api'
import { useAuth } from '../auth'
import { Markdown } from '../Markdown'
import { CATEGORY_SHORT, type FaqEntry, type Page } from '../types'
import { Alert, Empty, Loading, PageTitle, useTitle } from '../ui'

const FAQ_CATEGORIES = ['DAMAGED', 'LOST', 'LATE', 'QUALITY', 'OTHER', 'SHIPPING', 'RETURNS', 'ACCOUNT', 'SUPPORT']
const LANGUAGES: Record<string, string> = { en: 'English', de: 'Deutsch', fr: 'Français' }

function defaultLanguage(): string {
  const lang = (navigator.language || 'en').slice(0, 2).toLowerCase()
  return lang in LANGUAGES ? lang : 'en'
}

function Entry({ entry, signedIn }: { entry: FaqEntry; signedIn: boolean }) {
  const [counts, setCounts] = useState({ helpful: entry.helpfulCount, notHelpful: entry.notHelpfulCount })
  const [voted, setVoted] = useState<boolean | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function vote(helpful: boolean) {
    setError(null)
    try {
      const answer = await api<{ helpfulCount: number; notHelpfulCount: number; helpful: boolean }>('POST', `/api/support/faq/${entry.id}/vote/`, { helpful })
      setCounts({ helpful: answer.helpfulCount, notHelpful: answer.notHelpfulCount })
      setVoted(answer.helpful)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <li className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <details className="group">
        <summary className="flex cursor-pointer list-none items-start justify-between gap-3 px-4 py-3 font-medium">
          <span className="min-w-0 wrap-anywhere">{entry.question}</span>
          <span className="flex shrink-0 items-center gap-2">
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{CATEGORY_SHORT[entry.category] ?? entry.category}</span>
            <span aria-hidden="true" className="transition group-open:rotate-180">
              ▾
            </span>
          </span>
        </summary>
        <div className="border-t border-slate-100 px-4 py-3">
          {/* a safe subset of Markdown as React elements: the answer is never inserted as HTML */}
          <div className="text-slate-800">
            <Markdown text={entry.answer} />
          </div>
          <div className="mt-3 flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="Was this helpful?">
            <span className="text-slate-700">Was this helpful?</span>
            {signedIn ? (
              <>
                <button type="button" aria-pressed={voted === true} onClick={() => vote(true)} className={`rounded-md border px-3 py-1 ${voted === true ? 'border-green-700 bg-green-50' : 'border-slate-300'}`}>
                  Yes ({counts.helpful})
                </button>
                <button type="button" aria-pressed={voted === false} onClick={() => vote(false)} className={`rounded-md border px-3 py-1 ${voted === false ? 'border-red-700 bg-red-50' : 'border-slate-300'}`}>
                  No ({counts.notHelpful})
                </button>
                {voted !== null && <span role="status">Thanks for your vote.</span>}
              </>
            ) : (
              <span className="text-slate-600">
                {counts.helpful} found this helpful ·{' '}
                <Link to="/login?next=/support/faq" className="text-blue-800 underline">
                  sign in to vote
                </Link>
              </span>
            )}
          </div>
          {error && <p className="mt-2 text-sm text-red-700">{error}</p>}
        </div>
      </details>
    </li>
  )
}

export function Faq() {
  useTitle('FAQ')
  const { session } = useAuth()
  const [params, setParams] = useSearchParams()
  const [query, setQuery] = useState(params.get('q') ?? '')
  const category = params.get('category') ?? ''
  const [lang, setLang] = useState(defaultLanguage)
  const [entries, setEntries] = useState<FaqEntry[] | null>(null)
  const [total, setTotal] = useState(0)
  const [error, setError] = useState<string | null>(null)

  // search as you type: a short pause after the last key, and only the newest answer counts
  useEffect(() => {
    let current = true
    const timer = window.setTimeout(async () => {
      try {
        const page = await api<Page<FaqEntry>>('GET', `/api/support/faq/${qs({ q: query.trim(), category, lang, size: 50 })}`)
        if (!current) return
        setEntries(page.items)
        setTotal(page.total)
        setError(null)
      } catch (err) {
        if (current) setError(errorMessage(err))
      }
    }, 250)
    return () => {
      current = false
      window.clearTimeout(timer)
    }
  }, [query, category, lang])

  function chooseCategory(c: string) {
    const next = new URLSearchParams(params)
    if (c) next.set('category', c)
    else next.delete('category')
    setParams(next, { replace: true })
  }

  return (
    <>
      <PageTitle>Frequently asked questions</PageTitle>
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="faq-search" className="block text-sm font-medium">
            Search the FAQ
          </label>
          <input
            id="faq-search"
            type="search"
            value={query}
            placeholder="e.g. parcel arrived broken"
            onChange={(e) => setQuery(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-blue-600 focus:ring-2 focus:ring-blue-200 focus:outline-none"
          />
        </div>
        <div>
          <label htmlFor="faq-lang" className="block text-sm font-medium">
            Language
          </label>
          <select id="faq-lang" value={lang} onChange={(e) => setLang(e.target.value)} className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2">
            {Object.entries(LANGUAGES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mb-6 flex flex-wrap gap-2" role="group" aria-label="Categories">
        {['', ...FAQ_CATEGORIES].map((c) => (
          <button
            key={c || 'all'}
            type="button"
            aria-pressed={category === c}
            onClick={() => chooseCategory(c)}
            className={`rounded-full border px-3 py-1 text-sm ${category === c ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`}
          >
            {c ? CATEGORY_SHORT[c] : 'All'}
          </button>
        ))}
      </div>
      {error && <Alert>{error}</Alert>}
      <p className="sr-only" aria-live="polite">
        {entries ? `${total} answers found` : ''}
      </p>
      {entries === null && !error ? (
        <Loading label="Loading answers…" />
      ) : entries && entries.length === 0 ? (
        <Empty>
          No answers match{query.trim() ? ` “${query.trim()}”` : ''}. {session?.role === 'customer' ? <Link to="/support" className="text-blue-800 underline">Open a ticket</Link> : 'Try other words.'}
        </Empty>
      ) : (
        entries && (
          <ul className="space-y-3" aria-label="Answers">
            {entries.map((e) => (
              <Entry key={e.id} entry={e} signedIn={!!session} />
            ))}
          </ul>
        )
      )}
    </>
  )
}
