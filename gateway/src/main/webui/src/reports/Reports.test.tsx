import { render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { Reports } from './Reports'
import { chartRows, defaultQuery, queryFrom, seriesName, timeMetric, type Report, type ReportBucket } from './report'

function bucket(start: string, values: Partial<ReportBucket> = {}): ReportBucket {
  return {
    start, created: 0, resolved: 0, backlog: 0,
    firstResponseMedianMinutes: null, firstResponseP90Minutes: null,
    firstResponseBusinessMedianMinutes: null, firstResponseBusinessP90Minutes: null,
    resolutionMedianMinutes: null, resolutionP90Minutes: null,
    resolutionBusinessMedianMinutes: null, resolutionBusinessP90Minutes: null,
    slaMetPercent: null, csatAverage: null, csatCount: 0, reopenRate: null, ...values,
  }
}

const REPORT: Report = {
  from: '2001-03-19', to: '2001-04-02', interval: 'week', tz: 'Europe/Berlin', groupBy: 'agent',
  series: [
    { group: '7d1f0000-0000-4000-8000-000000000001', label: 'Ada <b>Agent</b>', buckets: [
      bucket('2001-03-19T00:00:00+01:00', { created: 2, resolutionMedianMinutes: 4380, resolutionBusinessP90Minutes: 720 }),
      bucket('2001-03-26T00:00:00+02:00', { created: 3 })] },
    { group: null, label: null, buckets: [bucket('2001-03-19T00:00:00+01:00', { created: 1 }), bucket('2001-03-26T00:00:00+02:00')] },
  ],
}

function Where() {
  const location = useLocation()
  return <output data-testid="where">{location.pathname + location.search}</output>
}

function server(reply: (path: string) => { status: number; body: unknown }) {
  const calls: string[] = []
  vi.stubGlobal('fetch', vi.fn(async (path: string) => {
    calls.push(path)
    const r = reply(path)
    const type = r.status >= 400 ? 'application/problem+json' : 'application/json'
    return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'Content-Type': type } })
  }))
  return calls
}

function page(url: string) {
  render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/admin/support/reports" element={<><Reports /><Where /></>} />
      </Routes>
    </MemoryRouter>,
  )
}

describe('report helpers', () => {
  it('reads the query from the URL and falls back on anything odd', () => {
    const today = new Date(2026, 11, 6)
    expect(defaultQuery(today)).toEqual({ from: '2026-11-07', to: '2026-12-07', interval: 'day', groupBy: 'none' })
    expect(queryFrom(new URLSearchParams('from=2026-01-01&to=2026-02-01&interval=month&groupBy=agent'), today))
      .toEqual({ from: '2026-01-01', to: '2026-02-01', interval: 'month', groupBy: 'agent' })
    expect(queryFrom(new URLSearchParams('from=yesterday&interval=hour&groupBy=__proto__'), today)).toEqual(defaultQuery(today))
  })

  it('names the time measures and keys chart columns by position, never by a name someone chose', () => {
    expect(timeMetric('resolution', 'P90', 'business')).toBe('resolutionBusinessP90Minutes')
    expect(timeMetric('firstResponse', 'Median', 'wall')).toBe('firstResponseMedianMinutes')
    expect(chartRows(REPORT, 'created')).toEqual([{ bucket: '2001-03-19', s0: 2, s1: 1 }, { bucket: '2001-03-26', s0: 3, s1: 0 }])
    expect(seriesName(REPORT, REPORT.series[1])).toBe('Unassigned')
  })
})

describe('Reports', () => {
  it('asks for the report in the URL and shows every chart with its data table', async () => {
    const calls = server(() => ({ status: 200, body: REPORT }))
    page('/admin/support/reports?from=2001-03-19&to=2001-04-02&interval=week&groupBy=agent')
    const created = await screen.findByRole('region', { name: 'Tickets created' })
    expect(calls[0]).toBe('/api/admin/support/reports/?from=2001-03-19&to=2001-04-02&interval=week&groupBy=agent')
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('data-chart'))).toEqual(
      ['created', 'resolved', 'backlog', 'first-response', 'resolution', 'sla', 'csat', 'reopen'])
    const table = within(created).getByRole('table', { hidden: true })
    // the agent's name is text, never markup
    expect(within(table).getByRole('columnheader', { name: 'Ada <b>Agent</b>', hidden: true })).toBeTruthy()
    expect(within(table).getByRole('columnheader', { name: 'Unassigned', hidden: true })).toBeTruthy()
    expect(within(table).getAllByRole('row', { hidden: true }).map((r) => r.textContent)).toEqual(
      ['Week fromAda <b>Agent</b>Unassigned', '2001-03-1921', '2001-03-2630'])
    expect(screen.getByTestId('report-scope').textContent).toContain('time zone Europe/Berlin')
  })

  it('switches the time charts to the 90th percentile of business hours', async () => {
    server(() => ({ status: 200, body: REPORT }))
    page('/admin/support/reports?from=2001-03-19&to=2001-04-02&interval=week&groupBy=agent')
    await screen.findByRole('region', { name: 'Resolution time (median)' })
    const user = userEvent.setup()
    await user.selectOptions(screen.getByLabelText(/^Times shown/), 'P90')
    await user.selectOptions(screen.getByLabelText(/^Clock/), 'business')
    const chart = screen.getByRole('region', { name: 'Resolution time (90th percentile, business hours)' })
    expect(within(chart).getAllByRole('row', { hidden: true })[1].textContent).toBe('2001-03-19720 min—')
  })

  it('puts the chosen settings in the URL, so a reload shows the same report', async () => {
    const calls = server(() => ({ status: 200, body: { ...REPORT, groupBy: 'none', series: [REPORT.series[1]] } }))
    page('/admin/support/reports?from=2001-03-19&to=2001-04-02')
    await screen.findByRole('region', { name: 'Tickets created' })
    const user = userEvent.setup()
    await user.selectOptions(screen.getByLabelText(/^Interval/), 'month')
    await user.selectOptions(screen.getByLabelText(/^Group by/), 'priority')
    await user.click(screen.getByRole('button', { name: 'Show report' }))
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe(
      '/admin/support/reports?from=2001-03-19&to=2001-04-02&interval=month&groupBy=priority'))
    await waitFor(() => expect(calls).toContain('/api/admin/support/reports/?from=2001-03-19&to=2001-04-02&interval=month&groupBy=priority'))
  })

  it('shows the service\'s refusal next to the field it names', async () => {
    server(() => ({ status: 400, body: { type: 'https://support.logishift.com/problems/invalid', title: 'Invalid', status: 400,
      detail: 'to: must be at most 2 years after from', errors: [{ field: 'to', message: 'must be at most 2 years after from' }] } }))
    page('/admin/support/reports?from=2001-01-01&to=2004-01-01')
    expect((await screen.findAllByText(/must be at most 2 years after from/)).length).toBeGreaterThan(0)
    expect(screen.getByLabelText(/To \(not included\)/).getAttribute('aria-invalid')).toBe('true')
  })
})
