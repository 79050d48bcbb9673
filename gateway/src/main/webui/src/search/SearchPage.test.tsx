import { render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { SearchView, type SearchResults } from './SearchPage'

const ticket = (n: number) => ({
  id: `00000000-0000-0000-0000-00000000000${n}`,
  reference: `SUP-00000${n}`,
  subject: `Ticket ${n}`,
  description: 'd',
  category: 'DAMAGED',
  priority: 'MEDIUM',
  status: 'OPEN',
  createdAt: '2026-12-06T10:00:00Z',
  updatedAt: '2026-12-06T10:00:00Z',
})

const RESULTS: SearchResults = {
  items: [
    { ticket: ticket(1) as never, highlights: [{ field: 'deliveryId', snippet: 'DLV-2025-<mark>777777</mark>' }] },
    {
      ticket: ticket(2) as never,
      highlights: [{ field: 'subject', snippet: '&lt;img src=x onerror=alert(1)&gt; <mark>zebra</mark>' }],
    },
  ],
  total: 2,
  page: 0,
  size: 20,
}

function serve(results: SearchResults) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(results), { status: 200, headers: { 'Content-Type': 'application/json' } }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

function Where() {
  const location = useLocation()
  return <p data-testid="where">{location.pathname + location.search}</p>
}

function show(url: string) {
  render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/search" element={<SearchView staff />} />
        <Route path="*" element={<Where />} />
      </Routes>
    </MemoryRouter>,
  )
}

describe('SearchView', () => {
  it('asks the service for the query in the URL and shows the highlights as text and marks', async () => {
    const fetch = serve(RESULTS)
    show('/search?q=777777')
    const list = await screen.findByRole('list', { name: 'Search results' })
    expect(fetch).toHaveBeenCalledWith('/api/support/tickets/search/?q=777777&page=0&size=20', expect.anything())
    const marks = list.querySelectorAll('mark')
    expect([...marks].map((m) => m.textContent)).toEqual(['777777', 'zebra'])
    // the escaped markup is shown as text, never as an element
    expect(list.querySelector('img')).toBeNull()
    expect(within(list).getByText('<img src=x onerror=alert(1)>')).toBeTruthy()
    expect(screen.getByTestId('search-total').textContent).toContain('2 tickets found')
  })

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    serve(RESULTS)
    show('/search?q=zebra')
    const links = within(await screen.findByRole('list', { name: 'Search results' })).getAllByRole('link')
    const user = userEvent.setup()
    links[0].focus()
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(links[1])
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(links[1])
    await user.keyboard('{ArrowUp}')
    expect(document.activeElement).toBe(links[0])
    await user.keyboard('{Enter}')
    expect(screen.getByTestId('where').textContent).toBe('/support/tickets/00000000-0000-0000-0000-000000000001')
  })

  it('does not ask for less than two characters', async () => {
    const fetch = serve(RESULTS)
    show('/search?q=%20a%20')
    expect(screen.getByText(/at least 2 characters/)).toBeTruthy()
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Search' }))
    expect(fetch).not.toHaveBeenCalled()
  })

  it('submits a new query into the URL', async () => {
    const fetch = serve({ items: [], total: 0, page: 0, size: 20 })
    show('/search?q=first')
    await screen.findByText(/No tickets match/)
    const user = userEvent.setup()
    const box = screen.getByRole('searchbox', { name: 'Search tickets' })
    await user.clear(box)
    await user.type(box, 'second one{Enter}')
    await waitFor(() => expect(fetch).toHaveBeenLastCalledWith('/api/support/tickets/search/?q=second+one&page=0&size=20', expect.anything()))
  })
})
