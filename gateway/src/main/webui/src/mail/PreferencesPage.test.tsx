import { render, screen, waitFor } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { PreferencesPage } from './PreferencesPage'
import { kindLabel, orderedKinds } from './preferences'

const T = 'com.logishift.support.ticket.'

/** A stand-in for the gateway's preferences endpoint: keeps what PUT sends, answers like the service. */
function server(initial: { kinds: Record<string, { inApp?: boolean; email?: boolean }>; language: string }) {
  const state = structuredClone(initial)
  const puts: unknown[] = []
  const fetch = vi.fn(async (_path: string, init?: RequestInit) => {
    if (init?.method === 'PUT') {
      const body = JSON.parse(String(init.body))
      puts.push(body)
      if (body.language === 'xx') {
        return new Response(JSON.stringify({ status: 400, detail: 'language: must be "en" or "de"' }), { status: 400 })
      }
      for (const [kind, change] of Object.entries(body.kinds ?? {})) Object.assign(state.kinds[kind], change)
      if (body.language) state.language = body.language
    }
    return new Response(JSON.stringify(state), { status: 200, headers: { 'Content-Type': 'application/json' } })
  })
  vi.stubGlobal('fetch', fetch)
  return { puts, state }
}

const CUSTOMER = {
  kinds: {
    [`${T}created.v1`]: { email: true },
    [`${T}assigned.v1`]: { inApp: true },
    [`${T}status-changed.v1`]: { inApp: true, email: true },
    [`${T}message-added.v1`]: { inApp: true, email: true },
  },
  language: 'en',
}

describe('PreferencesPage', () => {
  it('shows a switch per kind and channel that applies, and none where a kind has no such channel', async () => {
    server(CUSTOMER)
    render(<PreferencesPage />)
    const email = await screen.findByRole('checkbox', { name: 'Replies and messages by e-mail' })
    expect((email as HTMLInputElement).checked).toBe(true)
    expect(screen.getByRole('checkbox', { name: 'New tickets by e-mail' })).toBeTruthy()
    expect(screen.queryByRole('checkbox', { name: 'New tickets in the app' })).toBeNull()
    expect(screen.queryByRole('checkbox', { name: 'Ticket assigned by e-mail' })).toBeNull()
    expect(screen.getByLabelText('Ticket assigned by e-mail: not available')).toBeTruthy()
    expect((screen.getByLabelText('Language of your e-mails') as HTMLSelectElement).value).toBe('en')
  })

  it('saves one switch at a time, naming only that change, and shows what the server answered', async () => {
    const { puts, state } = server(CUSTOMER)
    render(<PreferencesPage />)
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Replies and messages by e-mail' }))
    await screen.findByText('Saved: Replies and messages by e-mail off.')
    expect(puts).toEqual([{ kinds: { [`${T}message-added.v1`]: { email: false } } }])
    expect(state.kinds[`${T}message-added.v1`]).toEqual({ inApp: true, email: false })
    expect((screen.getByRole('checkbox', { name: 'Replies and messages by e-mail' }) as HTMLInputElement).checked).toBe(false)
    expect((screen.getByRole('checkbox', { name: 'Replies and messages in the app' }) as HTMLInputElement).checked).toBe(true)

    await userEvent.selectOptions(screen.getByLabelText('Language of your e-mails'), 'de')
    await screen.findByText('Saved: e-mails in Deutsch.')
    expect(puts[1]).toEqual({ language: 'de' })
    await waitFor(() => expect((screen.getByLabelText('Language of your e-mails') as HTMLSelectElement).value).toBe('de'))
  })

  it('says so when saving fails and keeps the last saved state', async () => {
    server({ ...CUSTOMER, kinds: { [`${T}created.v1`]: { email: true } } })
    render(<PreferencesPage />)
    const select = await screen.findByLabelText('Language of your e-mails')
    const option = document.createElement('option')
    option.value = 'xx'
    select.appendChild(option)
    await userEvent.selectOptions(select, 'xx')
    expect(await screen.findByText(/must be "en" or "de"/)).toBeTruthy()
    expect(screen.queryByText(/^Saved/)).toBeNull()
  })
})

describe('kind labels', () => {
  it('names the known kinds, lists them in a stable order and shows an unknown one as its short name', () => {
    expect(kindLabel(`${T}message-added.v1`)).toBe('Replies and messages')
    expect(kindLabel('com.logishift.support.ticket.merged.v1')).toBe('ticket.merged')
    expect(orderedKinds({ [`${T}message-added.v1`]: {}, 'x.y.v1': {}, [`${T}created.v1`]: {} }))
      .toEqual([`${T}created.v1`, `${T}message-added.v1`, 'x.y.v1'])
  })
})
