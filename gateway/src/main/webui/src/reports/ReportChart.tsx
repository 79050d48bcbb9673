import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { chartRows, seriesName, type Metric, type Report } from './report'

// distinguishable colours (Okabe–Ito), repeated past eight series
const COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#999999']

export interface ChartSpec {
  id: string
  title: string
  metric: Metric
  kind: 'bar' | 'line'
  unit: string
}

function format(value: number | null | undefined, unit: string): string {
  if (value == null) return '—'
  return unit ? `${value} ${unit}` : String(value)
}

/**
 * One measure over the buckets, a bar or line per series, and the same numbers as a table (for
 * screen readers, keyboard users and anyone who wants the exact values). The table scrolls sideways
 * on a phone rather than squeezing.
 */
export function ReportChart({ report, spec }: { report: Report; spec: ChartSpec }) {
  const rows = chartRows(report, spec.metric)
  const names = report.series.map((s) => seriesName(report, s))
  const headingId = `${spec.id}-heading`
  const Chart = spec.kind === 'bar' ? BarChart : LineChart
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-chart={spec.id}>
      <h3 id={headingId} className="mb-2 font-semibold">
        {spec.title}
      </h3>
      <div aria-hidden="true" className="h-56 w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          {/* no keyboard layer: the drawing is hidden from assistive technology, the table below is what they read */}
          <Chart data={rows} margin={{ top: 4, right: 8, bottom: 4, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="bucket" tick={{ fontSize: 11 }} minTickGap={12} />
            <YAxis tick={{ fontSize: 11 }} width={44} allowDecimals={spec.kind !== 'bar'} />
            <Tooltip formatter={(v) => format(typeof v === 'number' ? v : null, spec.unit)} />
            {names.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
            {names.map((name, k) =>
              spec.kind === 'bar' ? (
                <Bar key={k} dataKey={`s${k}`} name={name} fill={COLORS[k % COLORS.length]} stackId="all" isAnimationActive={false} />
              ) : (
                <Line key={k} dataKey={`s${k}`} name={name} stroke={COLORS[k % COLORS.length]} strokeWidth={2} dot={rows.length <= 40} connectNulls={false} isAnimationActive={false} />
              ),
            )}
          </Chart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-semibold text-blue-800">Data table: {spec.title}</summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{spec.title}</caption>
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="py-1 pr-3">
                  {report.interval === 'month' ? 'Month' : report.interval === 'week' ? 'Week from' : 'Day'}
                </th>
                {names.map((name, k) => (
                  <th key={k} scope="col" className="py-1 pl-3 text-right wrap-anywhere">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={String(row.bucket)} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-3 text-left font-normal whitespace-nowrap">
                    {row.bucket}
                  </th>
                  {names.map((_, k) => (
                    <td key={k} className="py-1 pl-3 text-right tabular-nums">
                      {format(row[`s${k}`] as number | null, spec.unit)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  )
}
