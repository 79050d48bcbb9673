import { createEvent, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { FilterBar } from './FilterBar'

describe('FilterBar', () => {
  it('is a named form holding the filters, laid out as told', () => {
    render(
      <FilterBar label="Ticket filters" className="mb-4 grid-cols-2 sm:grid-cols-4">
        <label>
          Status
          <select />
        </label>
      </FilterBar>,
    )
    const form = screen.getByRole('form', { name: 'Ticket filters' })
    expect(form.className).toBe('grid gap-2 mb-4 grid-cols-2 sm:grid-cols-4')
    expect(screen.getByLabelText('Status').closest('form')).toBe(form)
  })

  it('never submits (Enter in a filter must not reload the page)', () => {
    render(
      <FilterBar label="FAQ filters">
        <input aria-label="x" />
      </FilterBar>,
    )
    const form = screen.getByRole('form', { name: 'FAQ filters' })
    const submit = createEvent.submit(form)
    fireEvent(form, submit)
    expect(submit.defaultPrevented).toBe(true)
  })
})
