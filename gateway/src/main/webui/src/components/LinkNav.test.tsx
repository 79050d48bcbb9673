import { render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { LinkNav } from './LinkNav'

function at(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <LinkNav
        label="Sections"
        navClass="nav"
        listClass="list"
        items={[
          { to: '/admin', label: 'Overview', end: false },
          { to: '/admin/agents', label: 'Agents' },
          { to: '/admin/faq', label: 'FAQ' },
        ]}
        linkClass={(current) => (current ? 'is-current' : 'not-current')}
      />
    </MemoryRouter>,
  )
  return (name: string) => screen.getByRole('link', { name })
}

describe('LinkNav', () => {
  it('is a labelled navigation with one link per item', () => {
    at('/admin/faq')
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy()
    expect(screen.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['/admin', '/admin/agents', '/admin/faq'])
  })

  it('marks the current page with aria-current and its class', () => {
    const link = at('/admin/agents')
    expect(link('Agents').getAttribute('aria-current')).toBe('page')
    expect(link('Agents').className).toContain('is-current')
    expect(link('FAQ').getAttribute('aria-current')).toBeNull()
    expect(link('FAQ').className).toContain('not-current')
  })

  it('counts a page below an item as current only where the item says end: false', () => {
    const link = at('/admin/agents/42')
    expect(link('Overview').getAttribute('aria-current')).toBe('page')
    expect(link('Agents').getAttribute('aria-current')).toBeNull()
  })
})
