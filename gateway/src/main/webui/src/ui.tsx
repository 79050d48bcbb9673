import { useEffect, useId, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import { PRIORITY_LABEL, STATUS_LABEL, type Priority, type Status } from './types'

const inputClass =
  'mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-blue-600 focus:ring-2 focus:ring-blue-200 focus:outline-none disabled:bg-slate-100'

function borderFor(error?: string) {
  return error ? 'border-red-600' : 'border-slate-300'
}

interface FieldProps {
  label: string
  error?: string
  hint?: string
  required?: boolean
  /** The API's length limit: a counter under the field, and nothing is cut (the form refuses instead). */
  maxChars?: number
}

function FieldShell({ id, label, error, hint, required, count, children }: FieldProps & { id: string; count?: ReactNode; children: ReactNode }) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required ? <span aria-hidden="true" className="text-red-700"> *</span> : <span className="font-normal text-slate-500"> (optional)</span>}
      </label>
      {children}
      {count}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

function describedBy(id: string, error?: string, hint?: string, maxChars?: number) {
  const ids = [error ? `${id}-error` : hint ? `${id}-hint` : undefined, maxChars ? `${id}-count` : undefined].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

/** What every field's control carries: its id, the ARIA state its shell shows, and the border for an error. */
function controlProps(id: string, { error, hint, required, maxChars }: Omit<FieldProps, 'label'>) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy(id, error, hint, maxChars),
    className: `${inputClass} ${borderFor(error)}`,
  }
}

/** "187 / 200 characters", red with how many are too many once over the limit. */
function CharCount({ id, length, max }: { id: string; length: number; max?: number }) {
  if (!max) return null
  const over = length - max
  return (
    <p id={`${id}-count`} data-testid="char-count" className={`mt-1 text-right text-xs ${over > 0 ? 'font-semibold text-red-700' : 'text-slate-600'}`}>
      {length.toLocaleString('en')} / {max.toLocaleString('en')} characters{over > 0 ? ` — ${over.toLocaleString('en')} too many` : ''}
    </p>
  )
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? value.length : 0
}

export function TextField({ label, error, hint, required, maxChars, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId()
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required} count={<CharCount id={id} length={lengthOf(rest.value)} max={maxChars} />}>
      <input {...controlProps(id, { error, hint, required, maxChars })} {...rest} />
    </FieldShell>
  )
}

export function TextArea({ label, error, hint, required, maxChars, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId()
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required} count={<CharCount id={id} length={lengthOf(rest.value)} max={maxChars} />}>
      <textarea {...controlProps(id, { error, hint, required, maxChars })} rows={4} {...rest} />
    </FieldShell>
  )
}

export function SelectField({ label, error, hint, required, children, ...rest }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId()
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required}>
      <select {...controlProps(id, { error, hint, required })} {...rest}>
        {children}
      </select>
    </FieldShell>
  )
}

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost'
const variants: Record<Variant, string> = {
  primary: 'bg-blue-700 text-white hover:bg-blue-800 disabled:bg-blue-300',
  secondary: 'bg-white text-slate-800 border border-slate-300 hover:bg-slate-100 disabled:text-slate-400',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-red-300',
  ghost: 'text-blue-800 hover:bg-blue-50',
}

/** `small`: the compact size of buttons inside list rows. */
export function Button({ variant = 'primary', busy, small, children, className = '', ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean; small?: boolean }) {
  return (
    <button
      type="button"
      className={`inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold transition disabled:cursor-not-allowed ${variants[variant]} ${small ? 'min-h-8 px-2 py-1 text-xs' : ''} ${className}`}
      disabled={busy || rest.disabled}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {children}
    </button>
  )
}

export function Alert({ kind = 'error', children }: { kind?: 'error' | 'success' | 'info'; children: ReactNode }) {
  const styles = {
    error: 'border-red-300 bg-red-50 text-red-800',
    success: 'border-green-300 bg-green-50 text-green-900',
    info: 'border-blue-300 bg-blue-50 text-blue-900',
  }[kind]
  return (
    <div role={kind === 'error' ? 'alert' : 'status'} className={`mb-4 rounded-md border px-4 py-3 text-sm ${styles}`}>
      {children}
    </div>
  )
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" className="flex items-center gap-3 py-6 text-slate-600">
      <span aria-hidden="true" className="h-5 w-5 animate-spin rounded-full border-2 border-blue-700 border-t-transparent" />
      {label}
    </div>
  )
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-slate-600">{children}</p>
}

const statusStyles: Record<Status, string> = {
  OPEN: 'bg-sky-100 text-sky-900',
  IN_PROGRESS: 'bg-amber-100 text-amber-900',
  ON_HOLD: 'bg-purple-100 text-purple-900',
  RESOLVED: 'bg-green-100 text-green-900',
  CLOSED: 'bg-slate-200 text-slate-800',
}

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span data-status={status} className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${statusStyles[status]}`}>
      {STATUS_LABEL[status]}
    </span>
  )
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const style = priority === 'HIGH' ? 'text-red-800' : priority === 'LOW' ? 'text-slate-600' : 'text-slate-800'
  return <span className={`text-xs font-medium whitespace-nowrap ${style}`}>{PRIORITY_LABEL[priority]} priority</span>
}

export function Card({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <section className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 ${className}`}>{children}</section>
}

export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{children}</h1>
      {actions}
    </div>
  )
}

export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · logiShift Support`
  }, [title])
}

export function formatDate(iso?: string | null): string {
  if (!iso) return ''
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—'
  if (seconds < 60) return `${Math.round(seconds)} s`
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`
  if (seconds < 86400) return `${(seconds / 3600).toFixed(1)} h`
  return `${(seconds / 86400).toFixed(1)} days`
}
