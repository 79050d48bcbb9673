import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react'
import { api, ApiError, errorMessage, type FieldErrors } from '../../api'
import { PRIORITIES, PRIORITY_LABEL, type Priority } from '../../types'
import { Alert, Button, Loading, SelectField, TextField, formatDate } from '../../ui'
import { focusFirstInvalid, hasErrors } from '../../validation'
import { formatMinutes } from '../../sla/clock'
import {
  DAYS,
  DAY_LABEL,
  LIMITS,
  draftOf,
  isIsoDate,
  knownTimeZones,
  policyBody,
  serverFieldErrors,
  validatePolicy,
  type Day,
  type HoursDraft,
  type PolicyDraft,
  type SlaPolicy,
  type TargetField,
} from '../../sla/policy'

const PATH = '/api/admin/sla/policy/'
const VERSION_CONFLICT = '/problems/version-conflict'

const TARGET_LABEL: Record<TargetField, string> = { firstResponseMinutes: 'first response', resolutionMinutes: 'resolution' }

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {error}
    </p>
  )
}

/** One "from – until" pair of a day: two short text boxes ("24:00" is a valid end, which a time input cannot take). */
function HoursRow({ day, index, hours, errors, onChange, onRemove }: { day: Day; index: number; hours: HoursDraft; errors: FieldErrors; onChange: (h: HoursDraft) => void; onRemove: () => void }) {
  const id = useId()
  const key = `hours.${day}.${index}`
  const name = `${DAY_LABEL[day]}${index > 0 ? ` (${index + 1})` : ''}`
  const input = (part: 'start' | 'end', label: string) => {
    const error = errors[`${key}.${part}`]
    return (
      <label className="text-sm">
        {label}
        <input
          aria-label={`${name} ${label.toLowerCase()}`}
          className={`mt-1 block w-24 rounded-md border bg-white px-2 py-1.5 font-mono text-sm ${error ? 'border-red-600' : 'border-slate-300'}`}
          inputMode="numeric"
          maxLength={5}
          placeholder={part === 'start' ? '09:00' : '17:00'}
          value={hours[part]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${part}` : undefined}
          onChange={(e) => onChange({ ...hours, [part]: e.target.value })}
        />
      </label>
    )
  }
  return (
    <li data-hours={`${day}-${index}`}>
      <div className="flex flex-wrap items-end gap-2">
        {input('start', 'From')}
        {input('end', 'Until')}
        <Button variant="secondary" small aria-label={`Remove ${name} hours`} onClick={onRemove}>
          Remove
        </Button>
      </div>
      <FieldError id={`${id}-start`} error={errors[`${key}.start`]} />
      <FieldError id={`${id}-end`} error={errors[`${key}.end`]} />
    </li>
  )
}

function DayHours({ day, intervals, errors, onChange }: { day: Day; intervals: HoursDraft[]; errors: FieldErrors; onChange: (intervals: HoursDraft[]) => void }) {
  const last = intervals[intervals.length - 1]
  const next: HoursDraft = last ? { start: last.end === '24:00' ? '' : last.end, end: '' } : { start: '09:00', end: '17:00' }
  return (
    <fieldset data-day={day} className="border-t border-slate-200 py-3 first-of-type:border-t-0">
      <legend className="float-left w-28 pt-1 text-sm font-semibold">{DAY_LABEL[day]}</legend>
      <div className="ml-28 space-y-2">
        {intervals.length === 0 && <p className="pt-1 text-sm text-slate-600">Closed</p>}
        <ul className="space-y-2">
          {intervals.map((h, i) => (
            <HoursRow
              key={i}
              day={day}
              index={i}
              hours={h}
              errors={errors}
              onChange={(changed) => onChange(intervals.map((x, j) => (j === i ? changed : x)))}
              onRemove={() => onChange(intervals.filter((_, j) => j !== i))}
            />
          ))}
        </ul>
        {errors[`hours.${day}`] && <p className="text-sm text-red-700">{errors[`hours.${day}`]}</p>}
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" small aria-label={`Add hours on ${DAY_LABEL[day]}`} onClick={() => onChange([...intervals, next])}>
            Add hours
          </Button>
          <Button variant="secondary" small aria-label={`All day on ${DAY_LABEL[day]}`} onClick={() => onChange([{ start: '00:00', end: '24:00' }])}>
            All day
          </Button>
        </div>
      </div>
    </fieldset>
  )
}

function Holidays({ holidays, errors, onChange }: { holidays: string[]; errors: FieldErrors; onChange: (holidays: string[]) => void }) {
  const [day, setDay] = useState('')
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  function add() {
    if (!isIsoDate(day)) return setError('Choose a date.')
    if (holidays.includes(day)) return setError('This day is already listed.')
    if (holidays.length >= LIMITS.holidays) return setError(`At most ${LIMITS.holidays} holidays.`)
    onChange([...holidays, day].sort())
    setDay('')
    setError(null)
  }
  return (
    <fieldset className="mb-6">
      <legend className="mb-2 text-lg font-semibold">Holidays</legend>
      <p className="mb-2 text-sm text-slate-600">Closed all day, whatever the business hours say.</p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          Holiday date
          <input
            type="date"
            className={`mt-1 block rounded-md border bg-white px-2 py-1.5 text-sm ${error ? 'border-red-600' : 'border-slate-300'}`}
            value={day}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setDay(e.target.value)
              setError(null)
            }}
          />
        </label>
        <Button variant="secondary" onClick={add}>
          Add holiday
        </Button>
      </div>
      <FieldError id={`${id}-error`} error={error ?? undefined} />
      {errors.holidays && <p className="mt-1 text-sm text-red-700">{errors.holidays}</p>}
      {holidays.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No holidays.</p>
      ) : (
        <ul aria-label="Holidays" className="mt-2 flex flex-wrap gap-2">
          {holidays.map((h, i) => (
            <li key={h + i} data-holiday={h} className={`flex items-center gap-1 rounded-full border px-3 py-1 text-sm ${errors[`holidays.${i}`] ? 'border-red-600' : 'border-slate-300'}`}>
              <span className="font-mono">{h}</span>
              {errors[`holidays.${i}`] && <span className="text-red-700"> — {errors[`holidays.${i}`]}</span>}
              <button type="button" className="ml-1 rounded px-1 text-xs font-semibold text-blue-800 underline hover:bg-slate-100" aria-label={`Remove holiday ${h}`} onClick={() => onChange(holidays.filter((_, j) => j !== i))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}

/** "= 8 h" under a target, so 480 minutes need no arithmetic. */
function minutesHint(text: string): string {
  const t = text.trim()
  return /^\d{1,7}$/.test(t) && Number(t) >= 60 ? `= ${formatMinutes(Number(t))}` : 'In minutes of business hours.'
}

/**
 * Admins set the SLA policy here: time zone, business hours per weekday (several spans a day), holidays,
 * targets per priority. The service's version guards against two admins overwriting each other: a
 * stale save is refused and the newer policy can be loaded. A change applies to tickets opened after it.
 */
export function SlaPolicyEditor() {
  const [policy, setPolicy] = useState<SlaPolicy | null>(null)
  const [draft, setDraft] = useState<PolicyDraft | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [loadError, setLoadError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [conflict, setConflict] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const baseZones = useMemo(knownTimeZones, [])
  // the saved zone stays choosable even if this browser does not list it
  const zones = useMemo(() => (draft && draft.timeZone && !baseZones.includes(draft.timeZone) ? [draft.timeZone, ...baseZones] : baseZones), [baseZones, draft])

  const load = useCallback(async () => {
    try {
      const loaded = await api<SlaPolicy>('GET', PATH)
      setPolicy(loaded)
      setDraft(draftOf(loaded))
      setErrors({})
      setConflict(false)
      setLoadError(null)
    } catch (err) {
      setLoadError(errorMessage(err))
    }
  }, [])
  useEffect(() => {
    load()
  }, [load])

  if (loadError && !draft) return <Alert>{loadError}</Alert>
  if (!draft || !policy) return <Loading label="Loading the SLA policy…" />

  const change = (next: PolicyDraft, ...fixed: string[]) => {
    setDraft(next)
    setMessage(null)
    // a corrected field (or every field of a changed day) stops showing its old message at once
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fixed.some((f) => k === f || k.startsWith(`${f}.`)))))
  }
  const setHours = (day: Day, intervals: HoursDraft[]) => change({ ...draft, hours: { ...draft.hours, [day]: intervals } }, `hours.${day}`, 'businessHours')
  const setTarget = (p: Priority, f: TargetField, value: string) =>
    change({ ...draft, targets: { ...draft.targets, [p]: { ...draft.targets[p], [f]: value } } }, `targets.${p}`, 'targets')

  async function save(e: FormEvent) {
    e.preventDefault()
    if (!draft) return
    const found = validatePolicy(draft, zones)
    setErrors(found)
    setFormError(null)
    setMessage(null)
    if (hasErrors(found)) {
      focusFirstInvalid(form.current)
      return
    }
    setBusy(true)
    try {
      const saved = await api<SlaPolicy>('PUT', PATH, policyBody(draft))
      setPolicy(saved)
      setDraft(draftOf(saved))
      setMessage(`Saved as version ${saved.version}. It applies to tickets opened from now on.`)
    } catch (err) {
      if (err instanceof ApiError && (err.status === 409 || err.type.endsWith(VERSION_CONFLICT))) {
        setConflict(true)
      } else if (err instanceof ApiError && err.errors.length) {
        const mapped = serverFieldErrors(err.errors, draft)
        setErrors(mapped)
        if (mapped['']) setFormError(mapped[''])
        focusFirstInvalid(form.current)
      } else {
        setFormError(errorMessage(err))
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <div>
      <p className="mb-4 text-sm text-slate-700">
        Version {policy.version}
        {policy.updatedAt && <>, saved {formatDate(policy.updatedAt)}</>}. Clocks count business minutes only; a ticket keeps the policy it was opened under.
      </p>
      {conflict && (
        <div role="alert" className="mb-4 rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="mb-2">Someone else saved the policy since you opened it, so your changes were not saved.</p>
          <Button variant="secondary" onClick={load}>
            Load the current policy (discards your changes)
          </Button>
        </div>
      )}
      {message && <Alert kind="success">{message}</Alert>}
      {formError && <Alert>{formError}</Alert>}
      <form ref={form} noValidate onSubmit={save} aria-label="SLA policy">
        <div className="max-w-md">
          <SelectField label="Time zone" required value={draft.timeZone} error={errors.timeZone} hint="Business hours and holidays are in this zone." onChange={(e) => change({ ...draft, timeZone: e.target.value }, 'timeZone')}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="mb-6">
          <legend className="mb-1 text-lg font-semibold">Business hours</legend>
          <p className="mb-2 text-sm text-slate-600">A day without hours is closed. &quot;24:00&quot; ends a span at midnight.</p>
          {errors.businessHours && <p className="mb-2 text-sm text-red-700">{errors.businessHours}</p>}
          <div className="rounded-lg border border-slate-200 bg-white px-4">
            {DAYS.map((day) => (
              <DayHours key={day} day={day} intervals={draft.hours[day]} errors={errors} onChange={(intervals) => setHours(day, intervals)} />
            ))}
          </div>
        </fieldset>
        <Holidays holidays={draft.holidays} errors={errors} onChange={(holidays) => change({ ...draft, holidays }, 'holidays')} />
        <fieldset className="mb-6">
          <legend className="mb-1 text-lg font-semibold">Targets</legend>
          <p className="mb-2 text-sm text-slate-600">Minutes of business hours until the first public reply and until the ticket is resolved.</p>
          {errors.targets && <p className="mb-2 text-sm text-red-700">{errors.targets}</p>}
          <div className="grid gap-x-4 sm:grid-cols-2">
            {PRIORITIES.slice()
              .reverse()
              .flatMap((p) =>
                (['firstResponseMinutes', 'resolutionMinutes'] as TargetField[]).map((f) => (
                  <div key={`${p}-${f}`} data-target={`${p}.${f}`}>
                    <TextField
                      label={`${PRIORITY_LABEL[p]}: ${TARGET_LABEL[f]} (minutes)`}
                      required
                      inputMode="numeric"
                      value={draft.targets[p][f]}
                      error={errors[`targets.${p}.${f}`]}
                      hint={minutesHint(draft.targets[p][f])}
                      onChange={(e) => setTarget(p, f, e.target.value)}
                    />
                  </div>
                )),
              )}
          </div>
        </fieldset>
        <Button type="submit" busy={busy}>
          Save policy
        </Button>
      </form>
    </div>
  )
}
