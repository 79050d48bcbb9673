import { render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_POLICY as POLICY, nineToFive } from '../../sla/fixtures'
import { SlaPolicyEditor } from './SlaPolicy'

type Reply = { status: number; body: unknown }

/** The gateway for the editor: GETs answer `current`, each PUT the next queued reply (recorded). */
function server(puts: ((body: Record<string, unknown>) => Reply)[]) {
  const state = { current: POLICY, gets: 0, sent: [] as Record<string, unknown>[] }
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit) => {
      expect(path).toBe('/api/admin/sla/policy/')
      let reply: Reply
      if (init.method === 'GET') {
        state.gets++
        reply = { status: 200, body: state.current }
      } else {
        const body = JSON.parse(String(init.body))
        state.sent.push(body)
        const next = puts.shift()
        if (!next) throw new Error('an unexpected PUT')
        reply = next(body)
      }
      const type = reply.status >= 400 ? 'application/problem+json' : 'application/json'
      return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'Content-Type': type } })
    }),
  )
  return state
}

const problem = (status: number, slug: string, extra: Record<string, unknown> = {}) => ({
  type: `https://support.logishift.com/problems/${slug}`,
  title: slug,
  status,
  detail: 'The policy is invalid.',
  ...extra,
})

async function loaded() {
  render(<SlaPolicyEditor />)
  await screen.findByRole('form', { name: 'SLA policy' })
}

describe('SlaPolicyEditor', () => {
  it('shows the policy and sends the edited one with the version it read', async () => {
    const state = server([(body) => ({ status: 200, body: { ...body, version: 4, updatedAt: '2026-12-06T13:00:00Z' } })])
    await loaded()
    expect(screen.getByText(/Version 3/)).toBeTruthy()
    expect((screen.getByLabelText(/Time zone/) as HTMLSelectElement).value).toBe('Europe/Berlin')
    expect((screen.getByLabelText('Monday from') as HTMLInputElement).value).toBe('09:00')
    expect(within(screen.getByRole('list', { name: 'Holidays' })).getByText('2026-12-25')).toBeTruthy()
    // minutes are also shown as hours
    expect(screen.getByText('= 1 d 16 h')).toBeTruthy()

    const user = userEvent.setup()
    await user.selectOptions(screen.getByLabelText(/Time zone/), 'UTC')
    await user.click(screen.getByRole('button', { name: 'All day on Sunday' }))
    await user.click(screen.getByRole('button', { name: 'Add hours on Monday' }))
    await user.clear(screen.getByLabelText('Monday (2) from'))
    await user.type(screen.getByLabelText('Monday (2) from'), '18:00')
    await user.type(screen.getByLabelText('Monday (2) until'), '20:30')
    await user.click(screen.getByRole('button', { name: 'Remove Tuesday hours' }))
    await user.type(screen.getByLabelText('Holiday date'), '2026-12-26')
    await user.click(screen.getByRole('button', { name: 'Add holiday' }))
    await user.click(screen.getByRole('button', { name: 'Remove holiday 2026-12-25' }))
    const high = screen.getByLabelText(/High: first response/)
    await user.clear(high)
    await user.type(high, '1')
    await user.click(screen.getByRole('button', { name: 'Save policy' }))

    expect(await screen.findByText('Saved as version 4. It applies to tickets opened from now on.')).toBeTruthy()
    expect(state.sent).toEqual([
      {
        timeZone: 'UTC',
        businessHours: [
          ...nineToFive('MONDAY'),
          { day: 'MONDAY', start: '18:00', end: '20:30' },
          ...nineToFive('WEDNESDAY', 'THURSDAY', 'FRIDAY'),
          { day: 'SUNDAY', start: '00:00', end: '24:00' },
        ],
        holidays: ['2026-12-26'],
        targets: { LOW: POLICY.targets.LOW, MEDIUM: POLICY.targets.MEDIUM, HIGH: { firstResponseMinutes: 1, resolutionMinutes: 480 } },
        version: 3,
      },
    ])
    // the saved policy is what the form now holds (the next save carries version 4)
    expect(screen.getByText(/Version 4/)).toBeTruthy()
  })

  it('refuses a broken form without sending it, naming each field, and puts the focus on the first', async () => {
    const state = server([])
    await loaded()
    const user = userEvent.setup()
    await user.clear(screen.getByLabelText('Friday until'))
    await user.type(screen.getByLabelText('Friday until'), '08:00')
    const low = screen.getByLabelText(/Low: resolution/)
    await user.clear(low)
    await user.type(low, '12\u0000')
    await user.click(screen.getByRole('button', { name: 'Save policy' }))
    expect(screen.getByText('Must be after the start.')).toBeTruthy()
    expect(screen.getByText('Whole minutes, 1 to 525,600 (a year).')).toBeTruthy()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Friday until')))
    expect(screen.getByLabelText('Friday until').getAttribute('aria-invalid')).toBe('true')
    expect(state.sent).toEqual([])
    // a corrected field loses its message at once
    await user.clear(screen.getByLabelText('Friday until'))
    expect(screen.queryByText('Must be after the start.')).toBeNull()
  })

  it('shows the service errors at their fields, and one that names none above the form', async () => {
    server([
      () => ({
        status: 400,
        body: problem(400, 'validation', {
          errors: [
            { field: 'update.body.businessHours[4].end', message: 'must be after start' },
            { field: 'targets.HIGH.resolutionMinutes', message: 'at least the first-response target' },
            { field: 'version', message: 'must be the version you read' },
          ],
        }),
      }),
    ])
    await loaded()
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }))
    // index 4 of what was sent is Friday's span
    const friday = await screen.findByText('must be after start')
    expect(friday.id).toBe(screen.getByLabelText('Friday until').getAttribute('aria-describedby'))
    expect(screen.getByLabelText(/High: resolution/).getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('at least the first-response target')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('must be the version you read')
  })

  it('on a version conflict keeps the edits and offers to load the newer policy', async () => {
    const state = server([() => ({ status: 409, body: problem(409, 'version-conflict', { detail: 'The policy changed.' }) })])
    await loaded()
    const user = userEvent.setup()
    const high = screen.getByLabelText(/High: first response/)
    await user.clear(high)
    await user.type(high, '30')
    await user.click(screen.getByRole('button', { name: 'Save policy' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Someone else saved the policy since you opened it')
    expect((screen.getByLabelText(/High: first response/) as HTMLInputElement).value).toBe('30')

    state.current = { ...POLICY, version: 5, targets: { ...POLICY.targets, HIGH: { firstResponseMinutes: 15, resolutionMinutes: 480 } } }
    await user.click(within(alert).getByRole('button', { name: 'Load the current policy (discards your changes)' }))
    await screen.findByText(/Version 5/)
    expect((screen.getByLabelText(/High: first response/) as HTMLInputElement).value).toBe('15')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(state.gets).toBe(2)
  })

  it('says when the policy cannot be read', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(problem(403, 'forbidden', { detail: 'Admins only.' })), { status: 403 })))
    render(<SlaPolicyEditor />)
    expect((await screen.findByRole('alert')).textContent).toBe('Admins only.')
  })
})
