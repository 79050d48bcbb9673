import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { api, ApiError, errorMessage, qs, type FieldErrors } from '../../api'
import { CATEGORY_SHORT, type FaqEntry, type Page } from '../../types'
import { Alert, Button, SelectField, TextArea, TextField, formatDate } from '../../ui'
import { useForm } from '../../form'
import { focusFirstInvalid, hasErrors } from '../../validation'
import { EnumSelect } from '../../components/EnumSelect'
import { FilterBar } from '../../components/FilterBar'
import { Pager } from '../../components/Pager'
import { FormActions } from '../../components/FormActions'
import { ListState, ListTotal } from '../../components/ListState'
import { ConfirmBox } from '../../components/ConfirmBox'

/** An entry as GET /api/admin/faq/ returns it: drafts too, with the version for optimistic locking. */
interface AdminFaqEntry extends FaqEntry {
  published: boolean
  order: number
  createdAt: string
  updatedAt: string
  version: number
}

const FAQ_CATEGORIES = ['DAMAGED', 'LOST', 'LATE', 'QUALITY', 'OTHER', 'SHIPPING', 'RETURNS', 'ACCOUNT', 'SUPPORT']
/** The languages faq-service stems for search (any other two-letter code is searched word by word). */
const LANGUAGES: Record<string, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  nl: 'Nederlands',
  pt: 'Português',
}
const LANGUAGE_CODES = Object.keys(LANGUAGES)
const STATES = ['true', 'false'] as const
const STATE_LABEL = { true: 'Published', false: 'Drafts' }
const TOPIC_KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/
const PAGE_SIZE = 20

interface Draft {
  id?: string
  version?: number
  topicKey: string
  language: string
  category: string
  question: string
  answer: string
  published: boolean
  order: string
}

const EMPTY: Draft = { topicKey: '', language: 'en', category: '', question: '', answer: '', published: false, order: '' }

/** A row's small button, named for screen readers by the action and the entry it acts on. */
function EntryAction({ action, entry, onClick }: { action: string; entry: AdminFaqEntry; onClick: () => void }) {
  return (
    <Button variant="secondary" small aria-label={`${action}: ${entry.question} (${entry.language})`} onClick={onClick}>
      {action}
    </Button>
  )
}

/** "Where is my parcel?" → "where-is-my-parcel": the topic key when the admin leaves it empty. */
export function topicKeyFrom(question: string): string {
  const words = question
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let key = ''
  for (const w of words) {
    const next = key ? `${key}-${w}` : w
    if (next.length > 80) break
    key = next
  }
  return key
}

function validate(d: Draft): FieldErrors {
  const e: FieldErrors = {}
  const question = d.question.trim()
  if (!question) e.question = 'Write the question.'
  else if (question.length > 300) e.question = 'At most 300 characters.'
  if (!d.answer.trim()) e.answer = 'Write the answer.'
  else if (d.answer.length > 20000) e.answer = 'At most 20,000 characters.'
  if (!d.category) e.category = 'Choose a category.'
  const key = d.topicKey.trim()
  if (key && (key.length > 80 || !TOPIC_KEY.test(key))) e.topicKey = 'Lower-case letters and digits in words joined by "-", e.g. damaged-parcel (at most 80).'
  else if (!key && question && !topicKeyFrom(question)) e.topicKey = 'The question has no letters to make a key of: enter one.'
  if (d.order.trim()) {
    const n = Number(d.order)
    if (!Number.isInteger(n) || Math.abs(n) > 1_000_000) e.order = 'A whole number between -1,000,000 and 1,000,000.'
  }
  return e
}

function EntryForm({ initial, onSaved, onCancel }: { initial: Draft; onSaved: (entry: AdminFaqEntry, created: boolean) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<Draft>(initial)
  const { errors, setErrors, formError, setFormError, busy, setBusy, form, checked } = useForm()
  const heading = useRef<HTMLHeadingElement>(null)
  const editing = !!initial.id

  useEffect(() => {
    heading.current?.focus()
  }, [])

  const set = (key: keyof Draft, value: string | boolean) => {
    setDraft((d) => ({ ...d, [key]: value }))
    // a corrected field loses its message at once
    setErrors(({ [key]: _fixed, ...rest }) => rest)
  }

  async function submit(e: FormEvent) {
    if (!checked(e, validate(draft))) return
    const body = {
      topicKey: draft.topicKey.trim() || topicKeyFrom(draft.question),
      language: draft.language,
      category: draft.category,
      question: draft.question.trim(),
      answer: draft.answer,
      published: draft.published,
      ...(draft.order.trim() ? { order: Number(draft.order) } : {}),
      ...(editing ? { version: draft.version } : {}),
    }
    setBusy(true)
    try {
      const saved = editing
        ? await api<AdminFaqEntry>('PUT', `/api/admin/faq/${draft.id}/`, body)
        : await api<AdminFaqEntry>('POST', '/api/admin/faq/', body)
      onSaved(saved, !editing)
    } catch (err) {
      if (err instanceof ApiError && hasErrors(err.fieldErrors)) {
        setErrors(err.fieldErrors)
        focusFirstInvalid(form.current)
      } else {
        setFormError(errorMessage(err))
      }
    } finally {
      setBusy(false)
    }
  }

  const title = editing ? 'Edit FAQ entry' : initial.topicKey ? 'New translation' : 'New FAQ entry'
  return (
    <section aria-labelledby="faq-form-heading" className="mb-6 rounded-lg border border-blue-200 bg-white p-4 shadow-sm sm:p-6">
      <h3 id="faq-form-heading" ref={heading} tabIndex={-1} className="mb-4 text-lg font-semibold focus:outline-none">
        {title}
      </h3>
      {formError && <Alert>{formError}</Alert>}
      <form ref={form} noValidate onSubmit={submit} aria-labelledby="faq-form-heading">
        <TextField label="Question" required maxLength={300} value={draft.question} error={errors.question} onChange={(e) => set('question', e.target.value)} />
        <TextArea
          label="Answer"
          required
          rows={8}
          value={draft.answer}
          error={errors.answer}
          hint="Plain text or Markdown: paragraphs, lists, **bold** and [links](/support/faq)."
          onChange={(e) => set('answer', e.target.value)}
        />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField label="Language" required value={draft.language} error={errors.language} onChange={(e) => set('language', e.target.value)}>
            {Object.entries(LANGUAGES).map(([code, name]) => (
              <option key={code} value={code}>
                {name} ({code})
              </option>
            ))}
          </SelectField>
          <SelectField label="Category" required value={draft.category} error={errors.category} hint="Shared by all translations of the topic." onChange={(e) => set('category', e.target.value)}>
            <option value="">Choose…</option>
            {FAQ_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_SHORT[c] ?? c}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Topic key"
            value={draft.topicKey}
            error={errors.topicKey}
            maxLength={80}
            hint={draft.topicKey.trim() || !draft.question.trim() ? 'Translations of one topic share it.' : `Empty: “${topicKeyFrom(draft.question)}” from the question.`}
            onChange={(e) => set('topicKey', e.target.value)}
          />
          <TextField label="Position in lists" type="number" inputMode="numeric" value={draft.order} error={errors.order} hint="Smaller comes first." onChange={(e) => set('order', e.target.value)} />
        </div>
        <div className="mb-4 flex items-center gap-2">
          <input id="faq-published" type="checkbox" className="h-5 w-5" checked={draft.published} onChange={(e) => set('published', e.target.checked)} />
          <label htmlFor="faq-published" className="text-sm font-medium">
            Published (readers see it; a draft only here)
          </label>
        </div>
        <FormActions submit={editing ? 'Save changes' : 'Create entry'} busy={busy} onCancel={onCancel} />
      </form>
    </section>
  )
}

/** Admins manage the FAQ here: list (drafts too), create, edit, translate and delete entries. */
export function FaqAdmin() {
  const [lang, setLang] = useState('')
  const [category, setCategory] = useState('')
  const [published, setPublished] = useState('')
  const [page, setPage] = useState(0)
  const [data, setData] = useState<Page<AdminFaqEntry> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ draft: Draft; key: number } | null>(null)
  const [deleting, setDeleting] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setData(await api<Page<AdminFaqEntry>>('GET', `/api/admin/faq/${qs({ lang, category, published, page, size: PAGE_SIZE })}`))
      setError(null)
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [lang, category, published, page])

  useEffect(() => {
    load()
  }, [load])

  function open(draft: Draft) {
    setMessage(null)
    setDeleting(null)
    setEditing({ draft, key: Date.now() })
  }

  async function remove(entry: AdminFaqEntry) {
    setBusy(entry.id)
    setError(null)
    try {
      await api('DELETE', `/api/admin/faq/${entry.id}/`)
      setMessage(`Deleted “${entry.question}” (${entry.language}).`)
      setDeleting(null)
      await load()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }

  /** A changed filter starts again at the first page. */
  const filter = (set: (value: string) => void) => (value: string) => {
    set(value)
    setPage(0)
  }

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <p className="text-sm text-slate-700">Drafts are seen only here; readers see published entries in their language, or the English one.</p>
        {!editing && <Button onClick={() => open(EMPTY)}>New FAQ entry</Button>}
      </div>
      {editing && (
        <EntryForm
          key={editing.key}
          initial={editing.draft}
          onCancel={() => setEditing(null)}
          onSaved={(entry, created) => {
            setEditing(null)
            setMessage(`${created ? 'Created' : 'Saved'} “${entry.question}” (${entry.language}, ${entry.published ? 'published' : 'draft'}).`)
            load()
          }}
        />
      )}
      <FilterBar label="FAQ filters" className="mb-4 grid-cols-1 sm:grid-cols-3">
        <EnumSelect label="Language" value={lang} values={LANGUAGE_CODES} labels={LANGUAGES} onChange={filter(setLang)} />
        <EnumSelect label="Category" value={category} values={FAQ_CATEGORIES} labels={CATEGORY_SHORT} onChange={filter(setCategory)} />
        <EnumSelect label="State" value={published} values={STATES} labels={STATE_LABEL} onChange={filter(setPublished)} />
      </FilterBar>
      <ListState data={data} error={error} message={message} loading="Loading FAQ entries…" empty="No FAQ entries match these filters.">
        {(data) => (
          <>
            <ListTotal total={data.total} one="entry" many="entries" />
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="FAQ entries">
              {data.items.map((entry) => (
                <li key={entry.id} data-faq-entry={entry.topicKey + '/' + entry.language} className="px-4 py-3">
                  <div className="flex flex-wrap items-center gap-2 text-xs">
                    <span className={`rounded-full px-2 py-0.5 font-semibold ${entry.published ? 'bg-green-100 text-green-900' : 'bg-amber-100 text-amber-900'}`}>
                      {entry.published ? 'Published' : 'Draft'}
                    </span>
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-800">{LANGUAGES[entry.language] ?? entry.language}</span>
                    <span className="text-slate-700">{CATEGORY_SHORT[entry.category] ?? entry.category}</span>
                    <span className="font-mono break-all text-slate-700">{entry.topicKey}</span>
                  </div>
                  <p className="mt-1 font-medium break-words">{entry.question}</p>
                  <p className="text-xs text-slate-600">
                    {entry.helpfulCount} helpful · {entry.notHelpfulCount} not helpful · position {entry.order} · updated {formatDate(entry.updatedAt)}
                  </p>
                  {deleting === entry.id ? (
                    <ConfirmBox
                      label="Confirm deleting this entry"
                      className="mt-2"
                      confirm="Delete entry"
                      busy={busy === entry.id}
                      onConfirm={() => remove(entry)}
                      onCancel={() => setDeleting(null)}
                    >
                      Delete this {LANGUAGES[entry.language] ?? entry.language} entry and its votes? Its translations stay.
                    </ConfirmBox>
                  ) : (
                    <div className="mt-2 flex flex-wrap gap-2">
                      <EntryAction
                        action="Edit"
                        entry={entry}
                        onClick={() =>
                          open({
                            id: entry.id,
                            version: entry.version,
                            topicKey: entry.topicKey,
                            language: entry.language,
                            category: entry.category,
                            question: entry.question,
                            answer: entry.answer,
                            published: entry.published,
                            order: String(entry.order),
                          })
                        }
                      />
                      <EntryAction
                        action="Translate"
                        entry={entry}
                        onClick={() => open({ ...EMPTY, topicKey: entry.topicKey, category: entry.category, language: entry.language === 'en' ? 'de' : 'en', order: String(entry.order) })}
                      />
                      <EntryAction
                        action="Delete"
                        entry={entry}
                        onClick={() => {
                          setMessage(null)
                          setDeleting(entry.id)
                        }}
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
            <Pager label="FAQ pages" page={page} total={data.total} size={PAGE_SIZE} onPage={setPage} />
          </>
        )}
      </ListState>
    </div>
  )
}
