import { STATUS_LABEL, type Status } from './types'

/**
 * The only way the UI talks to the system: same-origin calls to the gateway's public API. The bearer
 * token goes in the Authorization header, never in a URL, and is never logged.
 */

export interface FieldErrors {
  [field: string]: string
}

/** An RFC 9457 problem answer (or a network failure) as the UI shows it. */
export class ApiError extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string
  readonly fieldErrors: FieldErrors
  readonly retryAfter?: string

  constructor(status: number, title: string, detail: string, fieldErrors: FieldErrors = {}, retryAfter?: string) {
    super(detail || title)
    this.status = status
    this.title = title
    this.detail = detail
    this.fieldErrors = fieldErrors
    this.retryAfter = retryAfter
  }
}

let currentToken: () => string | null = () => null
let sessionExpired: () => void = () => {}

/** Wired by the session: where the token comes from, and what a rejected token means. */
export function configureApi(token: () => string | null, onExpired: () => void) {
  currentToken = token
  sessionExpired = onExpired
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

export async function api<T>(method: Method, path: string, body?: unknown, opts: { auth?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  const token = opts.auth === false ? null : currentToken()
  if (token) headers.Authorization = `Bearer ${token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    })
  } catch {
    throw new ApiError(0, 'Network error', 'The server could not be reached. Check your connection and try again.')
  }
  const text = await response.text()
  let json: unknown = null
  if (text) {
    try {
      json = JSON.parse(text)
    } catch {
      json = null
    }
  }
  if (response.ok) return json as T
  if (response.status === 401 && token) {
    // the token expired or was revoked: end the session cleanly
    sessionExpired()
  }
  throw toError(response, json, path)
}

function toError(response: Response, json: unknown, path: string): ApiError {
  const problem = (json ?? {}) as {
    title?: string
    detail?: string
    errors?: { field?: string; message?: string }[]
  }
  const fieldErrors: FieldErrors = {}
  for (const e of problem.errors ?? []) {
    if (!e.field || !e.message) continue
    const field = e.field.split('.').pop() as string
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}; ${e.message}` : e.message
  }
  const retryAfter = response.headers.get('Retry-After') ?? undefined
  let detail = humanStatuses(problem.detail ?? '')
  if (response.status === 429) {
    // the API says how long to wait (Retry-After, in seconds): say it in words
    detail = `Too many ${path.startsWith('/api/auth/') ? 'attempts' : 'requests'} — try again in ${waitText(retryAfter)}.`
  } else if (!detail) {
    if (response.status >= 500) detail = 'The service is not available right now. Please try again shortly.'
    else detail = response.statusText || `Request failed (${response.status})`
  }
  return new ApiError(response.status, problem.title ?? response.statusText, detail, fieldErrors, retryAfter)
}

/** "900" → "15 minutes", "30" → "30 seconds"; a missing or odd value → "a few minutes". */
export function waitText(retryAfter: string | undefined): string {
  const seconds = retryAfter !== undefined && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter.trim()) : NaN
  if (!Number.isFinite(seconds)) return 'a few minutes'
  if (seconds < 90) return seconds === 1 ? '1 second' : `${Math.max(1, seconds)} seconds`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minutes`
}

/** The API's messages name statuses by their codes (ON_HOLD); people read the labels (On hold). */
export function humanStatuses(text: string): string {
  return text.replace(/\b(OPEN|IN_PROGRESS|ON_HOLD|RESOLVED|CLOSED)\b/g, (code) => STATUS_LABEL[code as Status])
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.detail
  if (e instanceof Error) return e.message
  return 'Something went wrong.'
}

export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v))
  }
  const s = search.toString()
  return s ? `?${s}` : ''
}
