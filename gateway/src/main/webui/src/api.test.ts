import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, configureApi, errorMessage, humanStatuses, qs, saveFile, waitText } from './api'

/** A stand-in for the gateway: answers every fetch() with this status, body and headers. */
function answer(status: number, body: unknown = '', headers: Record<string, string> = {}, statusText = '') {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const fetch = vi.fn(async (..._args: unknown[]) => new Response(status === 204 ? null : text, { status, statusText, headers }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const e = await promise.then(
    () => {
      throw new Error('the call succeeded')
    },
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(ApiError)
  return e as ApiError
}

const problem = { 'Content-Type': 'application/problem+json' }
let token: string | null
let expired: ReturnType<typeof vi.fn<() => void>>

beforeEach(() => {
  token = 'header.payload.signature'
  expired = vi.fn<() => void>()
  configureApi(() => token, expired)
})

describe('api(): requests', () => {
  it('sends the bearer token in the header, JSON in the body, and never caches', async () => {
    const fetch = answer(201, { id: 'T-1' }, { 'Content-Type': 'application/json' })
    const result = await api<{ id: string }>('POST', '/api/support/tickets/create/', { subject: 'Late' })
    expect(result).toEqual({ id: 'T-1' })
    const [path, init] = fetch.mock.calls[0] as [string, RequestInit]
    expect(path).toBe('/api/support/tickets/create/')
    expect(init.method).toBe('POST')
    expect(init.body).toBe('{"subject":"Late"}')
    expect(init.cache).toBe('no-store')
    expect(init.credentials).toBe('same-origin')
    expect(init.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer header.payload.signature', 'Content-Type': 'application/json' })
  })

  it('sends no token when the call says so, and no Content-Type without a body', async () => {
    const fetch = answer(200, { items: [] })
    await api('GET', '/api/faq/', undefined, { auth: false })
    const init = fetch.mock.calls[0][1] as RequestInit
    expect(init.headers).toEqual({ Accept: 'application/json' })
    expect(init.body).toBeUndefined()
  })

  it('sends no Authorization header when signed out', async () => {
    token = null
    const fetch = answer(200, {})
    await api('GET', '/api/faq/')
    expect((fetch.mock.calls[0][1] as RequestInit).headers).not.toHaveProperty('Authorization')
  })

  it('gives null for an empty success (204) and for a body that is not JSON', async () => {
    answer(204)
    expect(await api('POST', '/api/notifications/read-all/')).toBeNull()
    answer(200, '<html>not json</html>')
    expect(await api('GET', '/somewhere')).toBeNull()
  })
})

describe('api(): problem+json answers', () => {
  it('keeps status, title and detail, and turns status codes in the detail into labels', async () => {
    answer(409, { type: 'https://logishift.example/problems/invalid-transition', title: 'Conflict', status: 409, detail: 'A ticket ON_HOLD cannot become CLOSED.' }, problem)
    const e = await failure(api('POST', '/api/support/tickets/1/change-status/', { status: 'CLOSED' }))
    expect(e.status).toBe(409)
    expect(e.title).toBe('Conflict')
    expect(e.detail).toBe('A ticket On hold cannot become Closed.')
    expect(e.message).toBe(e.detail)
    expect(e.fieldErrors).toEqual({})
  })

  it('maps errors[] to fields by the last part of the name and joins two messages of one field', async () => {
    answer(
      400,
      {
        title: 'Bad Request',
        status: 400,
        detail: 'The request is invalid.',
        errors: [
          { field: 'create.request.subject', message: 'must not be blank' },
          { field: 'subject', message: 'at most 200 characters' },
          { field: 'deliveryId', message: 'letters, digits and ._:/-' },
          { field: '', message: 'no field: left out' },
          { field: 'phone' },
          { message: 'no field at all' },
        ],
      },
      problem,
    )
    const e = await failure(api('POST', '/api/support/tickets/create/', {}))
    expect(e.fieldErrors).toEqual({ subject: 'must not be blank; at most 200 characters', deliveryId: 'letters, digits and ._:/-' })
    expect(e.detail).toBe('The request is invalid.')
    // the whole paths stay available (the SLA policy form has many fields called "end")
    expect(e.errors).toEqual([
      { field: 'create.request.subject', message: 'must not be blank' },
      { field: 'subject', message: 'at most 200 characters' },
      { field: 'deliveryId', message: 'letters, digits and ._:/-' },
    ])
  })

  it('survives hostile problem bodies: wrong types, HTML, nothing', async () => {
    answer(400, { errors: 'not a list' }, problem)
    expect((await failure(api('GET', '/x'))).fieldErrors).toEqual({})
    answer(400, 'null', problem)
    expect((await failure(api('GET', '/x'))).detail).toBe('Request failed (400)')
    answer(502, '<html><body>Bad gateway</body></html>', { 'Content-Type': 'text/html' }, 'Bad Gateway')
    const e = await failure(api('GET', '/x'))
    expect(e.status).toBe(502)
    expect(e.detail).toBe('The service is not available right now. Please try again shortly.')
    answer(404, '', {}, 'Not Found')
    expect((await failure(api('GET', '/x'))).detail).toBe('Not Found')
    answer(418, '')
    expect((await failure(api('GET', '/x'))).detail).toBe('Request failed (418)')
  })

  // a problem body with members of the wrong JSON type (a broken proxy, a foreign service) is still an ApiError
  it.each([{ errors: 5 }, { errors: {} }, { errors: [null] }, { errors: [{ field: 5, message: 'm' }] }, { detail: 5 }])(
    'a problem body like %j still gives an ApiError',
    async (body) => {
      answer(400, body, problem)
      await failure(api('GET', '/x'))
    },
  )

  it('says a network failure in words, with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch')
      }),
    )
    const e = await failure(api('GET', '/api/faq/'))
    expect(e.status).toBe(0)
    expect(e.detail).toBe('The server could not be reached. Check your connection and try again.')
  })
})

describe('api(): rate limits (429 + Retry-After)', () => {
  it('says how long to wait, and keeps the header', async () => {
    answer(429, { title: 'Too Many Requests', status: 429, detail: 'Rate limit exceeded' }, { ...problem, 'Retry-After': '900' })
    const e = await failure(api('GET', '/api/support/tickets/'))
    expect(e.retryAfter).toBe('900')
    expect(e.detail).toBe('Too many requests — try again in 15 minutes.')
  })

  it('speaks of attempts on the sign-in paths', async () => {
    answer(429, {}, { 'Retry-After': '30' })
    expect((await failure(api('POST', '/api/auth/login/', {}, { auth: false }))).detail).toBe('Too many attempts — try again in 30 seconds.')
  })

  it('falls back to "a few minutes" without a usable Retry-After', async () => {
    answer(429, {})
    const e = await failure(api('GET', '/api/faq/'))
    expect(e.retryAfter).toBeUndefined()
    expect(e.detail).toBe('Too many requests — try again in a few minutes.')
  })
})

describe('waitText', () => {
  it.each([
    ['1', '1 second'],
    ['30', '30 seconds'],
    [' 45 ', '45 seconds'],
    ['89', '89 seconds'],
    ['90', '2 minutes'],
    ['900', '15 minutes'],
    ['3601', '61 minutes'],
  ])('%j → %s', (header, words) => {
    expect(waitText(header)).toBe(words)
  })

  it('"0" → 1 second', () => {
    expect(waitText('0')).toBe('1 second')
  })

  it.each([undefined, '', 'soon', '-5', '1.5', '1e3', 'Wed, 21 Oct 2026 07:28:00 GMT', '30\u0000'])('an unusable %j → a few minutes', (header) => {
    expect(waitText(header)).toBe('a few minutes')
  })
})

describe('api(): 401', () => {
  it('ends the session when a sent token is refused', async () => {
    answer(401, { title: 'Unauthorized', status: 401, detail: 'The token has expired.' }, problem)
    const e = await failure(api('GET', '/api/support/tickets/'))
    expect(e.status).toBe(401)
    expect(expired).toHaveBeenCalledTimes(1)
  })

  it('leaves the session alone for a 401 without a token (a wrong password at sign-in)', async () => {
    token = null
    answer(401, { title: 'Unauthorized', status: 401, detail: 'E-mail address or password is wrong.' }, problem)
    const e = await failure(api('POST', '/api/auth/login/', { email: 'a@b.c', password: 'x' }, { auth: false }))
    expect(e.detail).toBe('E-mail address or password is wrong.')
    expect(expired).not.toHaveBeenCalled()
  })

  it('leaves the session alone for 403 (signed in, but not allowed)', async () => {
    answer(403, { title: 'Forbidden', status: 403, detail: 'Staff only.' }, problem)
    await failure(api('GET', '/api/admin/agents/'))
    expect(expired).not.toHaveBeenCalled()
  })
})

describe('helpers', () => {
  it('humanStatuses replaces whole status codes only', () => {
    expect(humanStatuses('From IN_PROGRESS to RESOLVED')).toBe('From In progress to Resolved')
    expect(humanStatuses('REOPENED and OPENING stay')).toBe('REOPENED and OPENING stay')
  })

  it('errorMessage reads API errors, other errors and anything thrown', () => {
    expect(errorMessage(new ApiError(400, 'Bad Request', 'Subject is missing.'))).toBe('Subject is missing.')
    expect(errorMessage(new Error('boom'))).toBe('boom')
    expect(errorMessage('a string')).toBe('Something went wrong.')
    expect(errorMessage(undefined)).toBe('Something went wrong.')
  })

  it('qs leaves out empty values and encodes the rest', () => {
    expect(qs({})).toBe('')
    expect(qs({ status: '', page: 0, size: 20, unassigned: undefined, assigneeId: null, open: false })).toBe('?page=0&size=20&open=false')
    expect(qs({ q: 'a&b=c #d', z: 'ä\u0000' })).toBe('?q=a%26b%3Dc+%23d&z=%C3%A4%00')
  })
})

describe('saveFile', () => {
  afterEach(() => vi.restoreAllMocks())

  it('fetches with the token, saves under the given name and frees the blob later', async () => {
    vi.useFakeTimers()
    const fetch = answer(200, 'a,b\n1,2\n', { 'Content-Type': 'text/csv' })
    // jsdom has no object URLs: a URL class that has them, for this test only
    vi.stubGlobal('URL', class extends URL {
      static createObjectURL = vi.fn(() => 'blob:report')
      static revokeObjectURL = vi.fn()
    })
    const clicked: { download: string; href: string; attached: boolean }[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href, attached: this.isConnected })
    })
    await saveFile('/api/admin/support/reports/export.csv?from=2026-01-01', 'support-report.csv')
    expect(new Headers((fetch.mock.calls[0][1] as RequestInit).headers).get('Authorization')).toBe('Bearer header.payload.signature')
    expect(clicked).toEqual([{ download: 'support-report.csv', href: 'blob:report', attached: true }])
    expect(document.querySelector('a')).toBeNull()
    expect(URL.revokeObjectURL).not.toHaveBeenCalled()
    vi.advanceTimersByTime(10_000)
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:report')
    expect(click).toHaveBeenCalledTimes(1)
  })

  it('refuses with the API error and saves nothing', async () => {
    answer(404, { title: 'Not Found', status: 404, detail: 'No such file.' }, problem)
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click')
    expect((await failure(saveFile('/api/support/attachments/x/', 'x.pdf'))).status).toBe(404)
    expect(click).not.toHaveBeenCalled()
  })
})
