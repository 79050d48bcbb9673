import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ListState, ListTotal } from './ListState'

const page = (items: string[]) => ({ items, total: items.length })

function Names({ data, error = null, message }: { data: { items: string[]; total: number } | null; error?: string | null; message?: string | null }) {
  return (
    <ListState data={data} error={error} message={message} loading="Loading names…" empty="No names yet.">
      {(d) => (
        <ul aria-label="Names">
          {d.items.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </ListState>
  )
}

describe('ListState', () => {
  it('shows the named spinner until the first answer', () => {
    render(<Names data={null} />)
    expect(screen.getByRole('status').textContent).toBe('Loading names…')
    expect(screen.queryByRole('list')).toBeNull()
  })

  it('shows the error instead of a spinner that would never end', () => {
    render(<Names data={null} error="The list could not be loaded." />)
    expect(screen.getByRole('alert').textContent).toBe('The list could not be loaded.')
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('says the list is empty, and shows no list', () => {
    render(<Names data={page([])} />)
    expect(screen.getByText('No names yet.')).toBeTruthy()
    expect(screen.queryByRole('list')).toBeNull()
  })

  it('renders the items, with the last outcome above them and a later error beside them', () => {
    render(<Names data={page(['Ada', 'Ben'])} message="Ben added." error="Refreshing failed." />)
    expect(screen.getByRole('list', { name: 'Names' }).textContent).toBe('AdaBen')
    expect(screen.getByRole('status').textContent).toBe('Ben added.')
    expect(screen.getByRole('alert').textContent).toBe('Refreshing failed.')
  })

  it('takes a plain array as well as a page', () => {
    const { rerender } = render(
      <ListState data={[] as string[]} loading="Loading…" empty="Nothing here.">
        {(d) => <p>{d.join(',')}</p>}
      </ListState>,
    )
    expect(screen.getByText('Nothing here.')).toBeTruthy()
    rerender(
      <ListState data={['a', '<b>\u0000']} loading="Loading…" empty="Nothing here.">
        {(d) => <p>{d.join(',')}</p>}
      </ListState>,
    )
    expect(screen.getByText('a,<b>\u0000')).toBeTruthy()
    expect(screen.queryByText('Nothing here.')).toBeNull()
  })
})

describe('ListTotal', () => {
  it.each([
    [0, '0 entries'],
    [1, '1 entry'],
    [2, '2 entries'],
  ])('%i → "%s", in a live region', (total, text) => {
    render(<ListTotal total={total} one="entry" many="entries" />)
    const line = screen.getByText(text)
    expect(line.textContent).toBe(text)
    expect(line.getAttribute('aria-live')).toBe('polite')
  })
})
