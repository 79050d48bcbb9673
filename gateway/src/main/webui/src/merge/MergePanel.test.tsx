import { render, screen, waitFor } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { eventText } from '../conversation/Conversation'
import type { Ticket } from '../types'
import { ticketIdFrom } from './merge'
import { MergedNotice } from './MergedNotice'
import { MergePanel } from './MergePanel'

const SOURCE = '11111111-1111-4111-8111-111111111111'
const TARGET = '22222222-2222-4222-8222-222222222222'
const OTHER = '33333333-3333-4333-8333-333333333333'

const ticket: Ticket = {
  id: SOURCE,
  reference: 'SUP-000002',
  subject: 'Crushed box, again',
  description: 'The same parcel',
  category: 'DAMAGED',
  priority: 'HIGH',
  status: 'IN_PROGRESS',
  createdAt: '2026-12-06T10:00:00Z',
  updatedAt: '2026-12-06T10:00:00Z',
}
const duplicates = [{ id: TARGET, reference: 'SUP-000001', subject: 'Crushed box', status: 'OPEN' as const, createdAt: '2026-12-05T09:00:00Z' }]

type Call = { path: string; method?: string; body?: unknown }

/** The gateway: each request gets the next reply; every request is recorded. */
function server(replies: { status: number; body: unknown }[]) {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit) => {
      calls.push({ path, method: init.method, body: init.body ? JSON.parse(String(init.body)) : undefined })
      const reply = replies.shift()
      if (!reply) throw new Error('an unexpected request to ' + path)
      const type = reply.status >= 400 ? 'application/problem+json' : 'application/json'
      return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'Content-Type': type } })
    }),
  )
  return calls
}

afterEach(() => vi.unstubAllGlobals())

describe('MergePanel', () => {
  it('suggests the duplicates, asks before merging and hands over the ticket that stays', async () => {
    const calls = server([{ status: 200, body: { ...ticket, id: TARGET, reference: 'SUP-000001' } }])
    const onMerged = vi.fn()
    render(<MergePanel ticket={{ ...ticket, possibleDuplicates: duplicates }} onMerged={onMerged} />)
    expect(screen.getByRole('list', { name: 'Possible duplicates' }).textContent).toContain('Crushed box')
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Merge into SUP-000001' }))
    // nothing sent before the confirmation
    expect(calls).toEqual([])
    expect(screen.getByRole('group', { name: 'Confirm the merge' }).textContent).toContain('Merge SUP-000002 into SUP-000001')
    await user.click(screen.getByRole('button', { name: 'Merge' }))
    await waitFor(() => expect(onMerged).toHaveBeenCalled())
    expect(calls).toEqual([{ path: `/api/support/tickets/${SOURCE}/merge/`, method: 'POST', body: { intoTicketId: TARGET } }])
    expect(onMerged.mock.calls[0][0].id).toBe(TARGET)
  })

  it('can be cancelled, and says so when there is nothing to suggest', async () => {
    const calls = server([])
    render(<MergePanel ticket={{ ...ticket, possibleDuplicates: duplicates }} onMerged={() => {}} />)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Merge into SUP-000001' }))
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.getByRole('list', { name: 'Possible duplicates' })).toBeTruthy()
    expect(calls).toEqual([])
  })

  it('takes another ticket by id or link and shows why the service refused', async () => {
    const calls = server([
      { status: 409, body: { type: 'https://support.logishift.com/problems/merge-not-allowed', title: 'Conflict', status: 409, detail: 'SUP-000002 and SUP-000009 belong to different customers', reason: 'DIFFERENT_CUSTOMER' } },
    ])
    const onMerged = vi.fn()
    render(<MergePanel ticket={{ ...ticket, possibleDuplicates: [] }} onMerged={onMerged} />)
    expect(screen.getByText(/No open ticket of this customer/)).toBeTruthy()
    const user = userEvent.setup()
    const field = screen.getByLabelText(/Another ticket/)
    await user.type(field, 'not an id')
    await user.click(screen.getByRole('button', { name: 'Choose' }))
    expect(screen.getByText('Paste the ticket id or the link of its page.')).toBeTruthy()
    await user.clear(field)
    await user.type(field, SOURCE)
    await user.click(screen.getByRole('button', { name: 'Choose' }))
    expect(screen.getByText('A ticket cannot be merged into itself.')).toBeTruthy()
    await user.clear(field)
    await user.type(field, `http://localhost:8080/support/tickets/${OTHER}`)
    await user.click(screen.getByRole('button', { name: 'Choose' }))
    await user.click(screen.getByRole('button', { name: 'Merge' }))
    expect(await screen.findByText(/belong to different customers/)).toBeTruthy()
    expect(calls[0].body).toEqual({ intoTicketId: OTHER })
    expect(onMerged).not.toHaveBeenCalled()
  })
})

describe('ticketIdFrom', () => {
  it('reads an id or a ticket link, nothing else', () => {
    expect(ticketIdFrom(` ${TARGET.toUpperCase()} `)).toBe(TARGET)
    expect(ticketIdFrom(`https://support.example/support/tickets/${TARGET}?x=1`)).toBe(TARGET)
    expect(ticketIdFrom('SUP-000001')).toBeNull()
    expect(ticketIdFrom(TARGET + '\u0000')).toBeNull()
    expect(ticketIdFrom('')).toBeNull()
  })
})

describe('MergedNotice', () => {
  it('links to where the ticket went, by its reference', async () => {
    const calls = server([{ status: 200, body: { ...ticket, id: TARGET, reference: 'SUP-000001' } }])
    render(
      <MemoryRouter>
        <MergedNotice ticket={{ ...ticket, status: 'CLOSED', mergedIntoId: TARGET }} />
      </MemoryRouter>,
    )
    const link = await screen.findByRole('link', { name: 'SUP-000001' })
    expect(link.getAttribute('href')).toBe(`/support/tickets/${TARGET}`)
    expect(screen.getByTestId('merged-notice').textContent).toContain('SUP-000002 was merged into SUP-000001')
    expect(calls[0].path).toBe(`/api/support/tickets/${TARGET}/`)
  })

  it('shows nothing on a ticket that was not merged', () => {
    server([])
    const { container } = render(
      <MemoryRouter>
        <MergedNotice ticket={{ ...ticket, mergedIntoId: null }} />
      </MemoryRouter>,
    )
    expect(container.textContent).toBe('')
  })
})

describe('the MERGED timeline entry', () => {
  it('names both tickets', () => {
    const entry = { seq: 9, at: '2026-12-06T12:00:00Z', actor: { id: 'a', name: 'Ann Agent', role: 'AGENT' as const }, kind: 'MERGED' as const, from: 'SUP-000002', to: 'SUP-000001' }
    expect(eventText(entry)).toBe('Ann Agent merged SUP-000002 into SUP-000001')
    expect(eventText({ ...entry, from: null })).toBe('Ann Agent merged tickets')
  })
})
