import { STATUS_LABEL, type Status } from './types'

/**
 * The only way the UI talks to the system: same-origin calls to the gateway's public API. The bearer
 * token goes in the Authorization header, never in a URL, and is never logged.
 */

export interface FieldErrors {
  [field: string]: string
}

/** One entry of a problem's `errors[]`, with the whole path the service gave (e.g. `businessHours[2].end`). */
export interface ProblemFieldError {
  field: string
  message: string
}

/** An RFC 9457 problem answer (or a network failure) as the UI shows it. */
export class ApiError extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string
  readonly fieldErrors: FieldErrors
  readonly retryAfter?: string
  /** The problem's `type` URI ('' when there was none). */
  readonly type: string
  /** The problem's extension members (e.g. `followUpOf` of a 409 ticket-closed). */
  readonly extensions: Record<string, unknown>
  /** `errors[]` with whole paths, for forms whose fields share last names (fieldErrors keeps only the last part). */
  readonly errors: ProblemFieldError[]

  constructor(
    status: number,
    title: string,
    detail: string,
    fieldErrors: FieldErrors = {},
    retryAfter?: string,
    type = '',
    extensions: Record<string, unknown> = {},
    errors: ProblemFieldError[] = [],
  ) {
    super(detail || title)
    this.status = status
    this.title = title
    this.detail = detail
    this.fieldErrors = fieldErrors
    this.retryAfter = retryAfter
    this.type = type
    this.extensions = extensions
    this.errors = errors
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

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors'])

/** What toError reads of an answer: a fetch Response, or the same facts of an XMLHttpRequest. */
interface Answer {
  status: number
  statusText: string
  headers: { get(name: string): string | null }
}

/** A member of an error body as text, whatever JSON type a broken proxy or service put there. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function toError(response: Answer, json: unknown, path: string): ApiError {
  const problem = (json !== null && typeof json === 'object' ? json : {}) as Record<string, unknown>
  const fieldErrors: FieldErrors = {}
  const errors: ProblemFieldError[] = []
  for (const e of Array.isArray(problem.errors) ? problem.errors : []) {
    const field = e !== null && typeof e === 'object' ? text((e as Record<string, unknown>).field) : undefined
    const message = field ? text((e as Record<string, unknown>).message) : undefined
    if (!field || !message) continue
    errors.push({ field, message })
    const name = field.split('.').pop() as string
    fieldErrors[name] = fieldErrors[name] ? `${fieldErrors[name]}; ${message}` : message
  }
  const retryAfter = response.headers.get('Retry-After') ?? undefined
  let detail = humanStatuses(text(problem.detail) ?? '')
  if (response.status === 429) {
    // the API says how long to wait (Retry-After, in seconds): say it in words
    detail = `Too many ${path.startsWith('/api/auth/') ? 'attempts' : 'requests'} — try again in ${waitText(retryAfter)}.`
  } else if (!detail) {
    if (response.status >= 500) detail = 'The service is not available right now. Please try again shortly.'
    else detail = response.statusText || `Request failed (${response.status})`
  }
  const extensions: Record<string, unknown> = {}
  for (const [member, value] of Object.entries(problem)) {
    if (!STANDARD_MEMBERS.has(member)) extensions[member] = value
  }
  return new ApiError(response.status, text(problem.title) ?? response.statusText, detail, fieldErrors, retryAfter,
    text(problem.type) ?? '', extensions, errors)
}

/**
 * A plain fetch() with the bearer token, for what is not JSON: attachment bytes and the ticket's live
 * stream. A rejected token ends the session as in api(); other answers are the caller's to read.
 */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  const token = currentToken()
  if (token) headers.set('Authorization', `Bearer ${token}`)
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin', cache: 'no-store' })
  if (response.status === 401 && token) sessionExpired()
  return response
}

/** The problem answer of a failed non-JSON request, as an ApiError. */
export async function problemOf(response: Response, path: string): Promise<ApiError> {
  let json: unknown = null
  try {
    json = JSON.parse(await response.text())
  } catch {
    json = null
  }
  return toError(response, json, path)
}

/** Bytes the API serves only with the token (attachments), as a Blob. */
export async function fetchBlob(path: string): Promise<Blob> {
  let response: Response
  try {
    response = await authorizedFetch(path)
  } catch {
    throw new ApiError(0, 'Network error', 'The file could not be loaded. Check your connection and try again.')
  }
  if (!response.ok) throw await problemOf(response, path)
  return response.blob()
}

/** Downloads a protected file (the token goes in a header, so a plain link cannot) and saves it as `filename`. */
export async function saveFile(path: string, filename: string): Promise<void> {
  const url = URL.createObjectURL(await fetchBlob(path))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A running upload: its result, and a way to stop it (then the promise rejects with status 0 "aborted"). */
export interface Upload<T> {
  done: Promise<T>
  abort: () => void
}

/**
 * POSTs one file as multipart/form-data (field `file`) with XMLHttpRequest, because fetch() reports
 * no upload progress. `onProgress` gets 0..1.
 */
export function uploadFile<T>(path: string, file: File, onProgress: (fraction: number) => void): Upload<T> {
  const xhr = new XMLHttpRequest()
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', path)
    xhr.setRequestHeader('Accept', 'application/json')
    const token = currentToken()
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total)
    }
    xhr.onload = () => {
      let json: unknown = null
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        json = null
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1)
        resolve(json as T)
        return
      }
      if (xhr.status === 401 && token) sessionExpired()
      reject(toError({ status: xhr.status, statusText: xhr.statusText, headers: { get: (name) => xhr.getResponseHeader(name) } }, json, path))
    }
    xhr.onerror = () => reject(new ApiError(0, 'Network error', 'The upload failed. Check your connection and try again.'))
    xhr.onabort = () => reject(new ApiError(0, 'Aborted', 'aborted'))
    const form = new FormData()
    form.append('file', file, file.name)
    xhr.send(form)
  })
  return { done, abort: () => xhr.abort() }
}

/** "900" → "15 minutes", "30" → "30 seconds"; a missing or odd value → "a few minutes". */
export function waitText(retryAfter: string | undefined): string {
  const seconds = retryAfter !== undefined && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter.trim()) : NaN
  if (!Number.isFinite(seconds)) return 'a few minutes'
  if (seconds < 90) return seconds <= 1 ? '1 second' : `${seconds} seconds`
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
