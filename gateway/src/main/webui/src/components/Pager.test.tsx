import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { Pager, pageCount } from './Pager'

function buttons() {
  const nav = screen.getByRole('navigation', { name: 'FAQ pages' })
  return {
    nav,
    previous: screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement,
    next: screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement,
  }
}

function Paged({ total, size }: { total: number; size: number }) {
  const [page, setPage] = useState(0)
  return <Pager label="FAQ pages" page={page} total={total} size={size} onPage={setPage} />
}

describe('pageCount', () => {
  it.each([
    [0, 20, 1],
    [1, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
    [100, 20, 5],
    [101, 50, 3],
  ])('%i items, %i a page → %i pages', (total, size, pages) => {
    expect(pageCount(total, size)).toBe(pages)
  })

  it.each([
    [-5, 20],
    [Number.NaN, 20],
    [Number.POSITIVE_INFINITY, 20],
    [10, 0],
    [10, -1],
    [10, Number.NaN],
  ])('odd input (%s items, %s a page) → one page', (total, size) => {
    expect(pageCount(total, size)).toBe(1)
  })
})

describe('Pager', () => {
  it('shows nothing when one page holds everything', () => {
    const { container } = render(<Pager label="FAQ pages" page={0} total={20} size={20} onPage={() => {}} />)
    expect(container.innerHTML).toBe('')
  })

  it('is a named navigation with Previous, "Page n of m" and Next', () => {
    render(<Pager label="FAQ pages" page={0} total={45} size={20} onPage={() => {}} />)
    const { nav, previous, next } = buttons()
    expect(nav.textContent).toBe('PreviousPage 1 of 3Next')
    expect(previous.disabled).toBe(true)
    expect(next.disabled).toBe(false)
  })

  it('asks for the neighbouring page', async () => {
    const onPage = vi.fn()
    render(<Pager label="FAQ pages" page={1} total={45} size={20} onPage={onPage} />)
    const { previous, next } = buttons()
    await userEvent.click(next)
    expect(onPage).toHaveBeenLastCalledWith(2)
    await userEvent.click(previous)
    expect(onPage).toHaveBeenLastCalledWith(0)
  })

  it('walks forward to the last page and back, never past either end', async () => {
    render(<Paged total={41} size={20} />)
    const { nav, previous, next } = buttons()
    await userEvent.click(next)
    await userEvent.click(next)
    expect(nav.textContent).toContain('Page 3 of 3')
    expect(next.disabled).toBe(true)
    await userEvent.click(next)
    expect(nav.textContent).toContain('Page 3 of 3')
    await userEvent.click(previous)
    await userEvent.click(previous)
    expect(nav.textContent).toContain('Page 1 of 3')
    expect(previous.disabled).toBe(true)
  })

  it('keeps Next disabled on a page past the end (the list shrank meanwhile)', () => {
    render(<Pager label="FAQ pages" page={4} total={45} size={20} onPage={() => {}} />)
    const { previous, next } = buttons()
    expect(next.disabled).toBe(true)
    expect(previous.disabled).toBe(false)
  })
})
