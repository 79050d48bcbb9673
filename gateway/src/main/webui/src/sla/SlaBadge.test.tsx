import { act, render, screen } from '@testing-library/react'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import type { Ticket } from '../types'
import { MIN, NOW, TICKET, at } from './fixtures'
import { SlaClocks, TicketSlaBadge, useDueRefresh } from './SlaBadge'
import { SortSelect, useSort } from './SortSelect'
import { formatDue } from './clock'
import { userEvent } from '@testing-library/user-event'

const ticket: Ticket = {
  ...TICKET,
  sla: {
    firstResponse: { status: 'RUNNING', dueAt: at(2 * MIN + 10_000), remainingMinutes: 2 },
    resolution: { status: 'RUNNING', dueAt: at(479 * MIN), remainingMinutes: 479 },
  },
}

describe('TicketSlaBadge', () => {
  it('ticks every 30 s from the due time: time left, then overdue, with the due time as tooltip and read-out text', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    vi.setSystemTime(NOW)
    const { container } = render(<TicketSlaBadge ticket={ticket} />)
    const badge = container.querySelector('[data-sla]') as HTMLElement
    expect(badge.dataset.sla).toBe('firstResponse')
    expect(badge.dataset.slaStatus).toBe('RUNNING')
    const due = formatDue(ticket.sla!.firstResponse.dueAt!)
    expect(badge.title).toBe(`First response due ${due}`)
    expect(badge.textContent).toBe(`◷First response: 2 min left (due ${due})`)
    // the due time is said in words too, not only in the tooltip
    expect(badge.querySelector('.sr-only')!.textContent).toBe(` (due ${due})`)

    act(() => {
      vi.advanceTimersByTime(30_000)
    })
    expect(badge.textContent).toContain('First response: 1 min left')
    act(() => {
      vi.advanceTimersByTime(60_000)
    })
    expect(badge.textContent).toContain('First response: less than 1 min left')
    act(() => {
      vi.advanceTimersByTime(60_000)
    })
    expect(badge.textContent).toContain('First response: overdue')
    expect(badge.dataset.slaTone).toBe('late')
  })

  it('shows nothing on a ticket without SLA data (a customer view)', () => {
    const { container } = render(<TicketSlaBadge ticket={{ ...ticket, sla: undefined }} />)
    expect(container.innerHTML).toBe('')
  })
})

describe('SlaClocks', () => {
  it('shows both clocks in words: breached, paused, met', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    vi.setSystemTime(NOW)
    render(
      <SlaClocks
        sla={{
          firstResponse: { status: 'BREACHED', dueAt: at(-35 * MIN), remainingMinutes: -35 },
          resolution: { status: 'PAUSED', dueAt: null, remainingMinutes: 300 },
        }}
      />,
    )
    const group = screen.getByRole('group', { name: 'Service level' })
    expect(group.textContent).toContain('First response: breached 35 min ago')
    expect(group.textContent).toContain('Resolution: paused · 5 h left')
    // a paused clock has no due time to show
    expect(group.querySelector('[data-sla=resolution]')!.getAttribute('title')).toBeNull()
  })
})

function Refreshing({ tickets, reload }: { tickets: Ticket[] | null; reload: () => void }) {
  useDueRefresh(tickets, reload)
  return null
}

describe('useDueRefresh', () => {
  it('reads again 3 s after the nearest running due time, once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.setSystemTime(NOW)
    const reload = vi.fn()
    render(<Refreshing tickets={[ticket]} reload={reload} />)
    act(() => {
      vi.advanceTimersByTime(2 * MIN + 12_000)
    })
    expect(reload).not.toHaveBeenCalled()
    act(() => {
      vi.advanceTimersByTime(2_000)
    })
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('does nothing before the data came, and stops with the page', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.setSystemTime(NOW)
    const reload = vi.fn()
    const { rerender, unmount } = render(<Refreshing tickets={null} reload={reload} />)
    rerender(<Refreshing tickets={[ticket]} reload={reload} />)
    unmount()
    act(() => {
      vi.advanceTimersByTime(10 * MIN)
    })
    expect(reload).not.toHaveBeenCalled()
  })
})

function Where() {
  const location = useLocation()
  const [sort] = useSort()
  return (
    <p data-testid="where">
      {location.pathname}
      {location.search}|{sort ?? 'default'}
    </p>
  )
}

describe('SortSelect', () => {
  it('keeps the order in the address next to other parameters, and back', async () => {
    const onChanged = vi.fn()
    render(
      <MemoryRouter initialEntries={['/agent/dashboard?x=1']}>
        <Routes>
          <Route
            path="*"
            element={
              <>
                <SortSelect onChanged={onChanged} />
                <Where />
              </>
            }
          />
        </Routes>
      </MemoryRouter>,
    )
    const select = screen.getByLabelText('Order') as HTMLSelectElement
    expect(select.value).toBe('')
    await userEvent.selectOptions(select, 'slaDue')
    expect(screen.getByTestId('where').textContent).toBe('/agent/dashboard?x=1&sort=slaDue|slaDue')
    expect(onChanged).toHaveBeenCalledTimes(1)
    await userEvent.selectOptions(select, '')
    expect(screen.getByTestId('where').textContent).toBe('/agent/dashboard?x=1|default')
  })

  it.each(['?sort=slaDue', '?sort=createdAt', '?sort=SLADUE', '?sort=slaDue%00', '?sort='])('reads a pasted %s as a known order or none', (search) => {
    render(
      <MemoryRouter initialEntries={[`/admin/support/tickets${search}`]}>
        <SortSelect />
        <Where />
      </MemoryRouter>,
    )
    const expected = search === '?sort=slaDue' ? 'slaDue' : ''
    expect((screen.getByLabelText('Order') as HTMLSelectElement).value).toBe(expected)
    expect(screen.getByTestId('where').textContent!.endsWith(`|${expected || 'default'}`)).toBe(true)
  })
})
