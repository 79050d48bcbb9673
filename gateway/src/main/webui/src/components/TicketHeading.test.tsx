import { render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { Ticket } from '../types'
import { TicketHeading } from './TicketHeading'

const ticket: Ticket = {
  id: '6f1c2a0e-4d7b-4a51-9d7e-2b1f0c3a9e11',
  reference: 'TCK-2026-000042',
  subject: 'Parcel <b>crushed</b> — https://track.example.com/' + 'x'.repeat(300),
  description: '',
  category: 'DAMAGED',
  priority: 'HIGH',
  status: 'ON_HOLD',
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
}

describe('TicketHeading', () => {
  it('shows reference, status, priority and category, and links the subject to the ticket page', () => {
    const { container } = render(
      <MemoryRouter>
        <TicketHeading ticket={ticket} />
      </MemoryRouter>,
    )
    expect(container.textContent).toContain('TCK-2026-000042')
    expect(container.querySelector('[data-status="ON_HOLD"]')!.textContent).toBe('On hold')
    expect(container.textContent).toContain('High priority')
    expect(container.textContent).toContain('Damaged')
    const link = screen.getByRole('link')
    expect(link.getAttribute('href')).toBe(`/support/tickets/${ticket.id}`)
    // a subject is text, whatever it holds
    expect(link.textContent).toBe(ticket.subject)
    expect(container.querySelector('b')).toBeNull()
    expect(link.className).toContain('wrap-anywhere')
  })

  it('takes other classes for the subject (the queue spaces it)', () => {
    render(
      <MemoryRouter>
        <TicketHeading ticket={ticket} subjectClassName="mt-1 block" />
      </MemoryRouter>,
    )
    expect(screen.getByRole('link').className).toBe('mt-1 block')
  })
})
