import { render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DeliveryLog } from './DeliveryLog'
import { checkWebhook } from './WebhookForm'
import { WebhooksPage } from './WebhooksPage'
import type { Webhook, WebhookDelivery } from './types'

type Reply = { status: number; body?: unknown }
type Handler = (method: string, path: string, body: unknown) => Reply | undefined

/** The gateway for the page: each call answered by the first handler that knows it (all recorded). */
function server(...handlers: Handler[]) {
  const calls: { method: string; path: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit) => {
      const method = init.method ?? 'GET'
      const body = init.body ? JSON.parse(String(init.body)) : undefined
      calls.push({ method, path, body })
      const reply = handlers.map((h) => h(method, path, body)).find((r) => r !== undefined)
      if (!reply) throw new Error(`unexpected ${method} ${path}`)
      const type = reply.status >= 400 ? 'application/problem+json' : 'application/json'
      return new Response(reply.status === 204 ? null : JSON.stringify(reply.body), { status: reply.status, headers: { 'Content-Type': type } })
    }),
  )
  return calls
}

const TYPES = ['com.logishift.support.ticket.created.v1', 'com.logishift.support.ticket.status-changed.v1']
const eventTypes: Handler = (m, p) => (m === 'GET' && p === '/api/admin/webhooks/event-types/' ? { status: 200, body: { items: TYPES } } : undefined)

const HOOK: Webhook = {
  id: '5d0c4c7e-3c1a-4f55-8f0e-7d2b9e1a0c11',
  url: 'https://partner.example.com/in',
  description: 'Partner',
  eventTypes: ['*'],
  enabled: true,
  createdAt: '2026-12-06T10:00:00Z',
  updatedAt: '2026-12-06T10:00:00Z',
}

const DELIVERY: WebhookDelivery = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  eventId: 'ev-1',
  eventType: TYPES[0],
  status: 'DELIVERED',
  attempts: 2,
  createdAt: '2026-12-06T10:01:00Z',
  lastAttemptAt: '2026-12-06T10:01:20Z',
  lastResponseCode: 200,
  lastDurationMs: 40,
  lastError: null,
  nextAttemptAt: null,
  redeliveryOf: null,
  attemptLog: [
    { attempt: 1, startedAt: '2026-12-06T10:01:00Z', durationMs: 12, responseCode: 503, error: 'answered 503', responseExcerpt: 'busy', nextAttemptAt: '2026-12-06T10:01:20Z' },
    { attempt: 2, startedAt: '2026-12-06T10:01:20Z', durationMs: 40, responseCode: 200, error: null, responseExcerpt: 'ok', nextAttemptAt: null },
  ],
}

function at(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/admin/webhooks/:webhookId?" element={<WebhooksPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

afterEach(() => vi.unstubAllGlobals())

describe('checkWebhook', () => {
  it('wants a full URL, an event and a short description', () => {
    expect(checkWebhook('', [], '')).toEqual({ url: 'Enter the URL that receives the events.', eventTypes: 'Choose at least one event.' })
    expect(checkWebhook('partner.example.com', ['*'], '').url).toMatch(/https:/)
    expect(checkWebhook('https://x.example/' + 'a'.repeat(2000), ['*'], '').url).toMatch(/2000/)
    expect(checkWebhook('https://x.example/', ['*'], 'd'.repeat(501)).description).toMatch(/500/)
    expect(checkWebhook(' https://x.example/in ', ['*'], '')).toEqual({})
  })
})

describe('WebhooksPage', () => {
  it('registers a webhook and shows its secret once', async () => {
    let listed: Webhook[] = []
    const calls = server(eventTypes, (m, p, body) => {
      if (m === 'GET' && p.startsWith('/api/admin/webhooks/?')) return { status: 200, body: { items: listed, total: listed.length, page: 0, size: 20 } }
      if (m === 'POST' && p === '/api/admin/webhooks/') {
        const created = { ...HOOK, ...(body as object), secret: 'whsec_c2VjcmV0' }
        listed = [{ ...HOOK, ...(body as object) }]
        return { status: 201, body: created }
      }
      return undefined
    })
    at('/admin/webhooks')
    expect(await screen.findByText('No webhooks yet.')).toBeTruthy()
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'New webhook' }))
    const form = await screen.findByRole('form', { name: 'New webhook' })
    await user.type(within(form).getByLabelText(/Endpoint URL/), 'https://partner.example.com/in')
    await user.click(within(form).getByLabelText('All ticket events')) // off
    await user.click(await within(form).findByLabelText('ticket created'))
    await user.click(within(form).getByRole('button', { name: 'Register webhook' }))

    expect(await screen.findByTestId('webhook-secret')).toHaveProperty('textContent', 'whsec_c2VjcmV0')
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      url: 'https://partner.example.com/in', eventTypes: [TYPES[0]], description: '', enabled: true,
    })
    expect(await screen.findByRole('link', { name: 'https://partner.example.com/in' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'I have stored it' }))
    expect(screen.queryByTestId('webhook-secret')).toBeNull()
  })

  it('shows the service’s refusal of the URL next to the field', async () => {
    server(eventTypes, (m, p) => {
      if (m === 'GET') return { status: 200, body: { items: [], total: 0, page: 0, size: 20 } }
      if (m === 'POST' && p === '/api/admin/webhooks/') {
        return { status: 400, body: { type: 'https://support.logishift.com/problems/invalid-request', title: 'Invalid request', status: 400,
          detail: 'url: resolves to a loopback, private, link-local or otherwise internal address',
          errors: [{ field: 'url', message: 'resolves to a loopback, private, link-local or otherwise internal address' }] } }
      }
      return undefined
    })
    at('/admin/webhooks')
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'New webhook' }))
    await user.type(screen.getByLabelText(/Endpoint URL/), 'https://10.0.0.1/in')
    await user.click(screen.getByRole('button', { name: 'Register webhook' }))
    await waitFor(() => expect(document.getElementById(screen.getByLabelText(/Endpoint URL/).getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent).toMatch(/private/))
  })

  it('opens one webhook by its link (deep link), rotates its secret and lists its deliveries', async () => {
    const calls = server(eventTypes, (m, p) => {
      if (m === 'GET' && p === `/api/admin/webhooks/${HOOK.id}/`) return { status: 200, body: HOOK }
      if (m === 'GET' && p.startsWith(`/api/admin/webhooks/${HOOK.id}/deliveries/`)) return { status: 200, body: { items: [DELIVERY], total: 1, page: 0, size: 20 } }
      if (m === 'POST' && p === `/api/admin/webhooks/${HOOK.id}/rotate-secret/`) return { status: 200, body: { ...HOOK, secret: 'whsec_bmV3', previousSecretExpiresAt: '2026-12-07T10:00:00Z' } }
      return undefined
    })
    at(`/admin/webhooks/${HOOK.id}`)
    expect(await screen.findByRole('heading', { name: HOOK.url })).toBeTruthy()
    const log = await screen.findByRole('list', { name: 'Deliveries' })
    expect(within(log).getByText('answered 503')).toBeTruthy()
    expect(within(log).getByText('Delivered')).toBeTruthy()
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Rotate secret' }))
    expect((await screen.findByTestId('webhook-secret')).textContent).toBe('whsec_bmV3')
    expect(screen.getByText(/previous secret keeps signing for 24 hours/)).toBeTruthy()
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1)
  })
})

describe('DeliveryLog', () => {
  it('redelivers a delivery and reloads the log', async () => {
    let redelivered = false
    const calls = server((m, p) => {
      if (m === 'GET') return { status: 200, body: { items: redelivered ? [{ ...DELIVERY, id: 'new', status: 'PENDING', attempts: 0, attemptLog: [], redeliveryOf: DELIVERY.id }, DELIVERY] : [DELIVERY], total: redelivered ? 2 : 1, page: 0, size: 20 } }
      if (m === 'POST' && p === `/api/admin/webhooks/${HOOK.id}/deliveries/${DELIVERY.id}/redeliver/`) {
        redelivered = true
        return { status: 202, body: {} }
      }
      return undefined
    })
    render(<DeliveryLog webhookId={HOOK.id} enabled />)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Redeliver ticket created ev-1' }))
    expect(await screen.findByText('ticket created queued again.')).toBeTruthy()
    expect(await screen.findByText('Pending')).toBeTruthy()
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1)
  })

  it('offers no redelivery while the webhook is disabled', async () => {
    server(() => ({ status: 200, body: { items: [DELIVERY], total: 1, page: 0, size: 20 } }))
    render(<DeliveryLog webhookId={HOOK.id} enabled={false} />)
    expect((await screen.findByRole('button', { name: 'Redeliver ticket created ev-1' })).hasAttribute('disabled')).toBe(true)
  })
})
