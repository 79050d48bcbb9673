import { useEffect, useState, type FormEvent } from 'react'
import { useSearchParams } from 'react-router'
import { ApiError, api, errorMessage, qs, saveFile, type FieldErrors } from '../api'
import { Alert, Button, Loading, SelectField, TextField } from '../ui'
import { ReportChart, type ChartSpec } from './ReportChart'
import { GROUPINGS, INTERVALS, queryFrom, timeMetric, type Clock, type Grouping, type Interval, type Report, type ReportQuery, type Statistic } from './report'

function charts(statistic: Statistic, clock: Clock): ChartSpec[] {
  const which = `${statistic === 'Median' ? 'median' : '90th percentile'}${clock === 'business' ? ', business hours' : ''}`
  return [
    { id: 'created', title: 'Tickets created', metric: 'created', kind: 'bar', unit: '' },
    { id: 'resolved', title: 'Tickets resolved', metric: 'resolved', kind: 'bar', unit: '' },
    { id: 'backlog', title: 'Backlog (not resolved at the end)', metric: 'backlog', kind: 'line', unit: '' },
    { id: 'first-response', title: `First response (${which})`, metric: timeMetric('firstResponse', statistic, clock), kind: 'line', unit: 'min' },
    { id: 'resolution', title: `Resolution time (${which})`, metric: timeMetric('resolution', statistic, clock), kind: 'line', unit: 'min' },
    { id: 'sla', title: 'Resolution SLA met', metric: 'slaMetPercent', kind: 'line', unit: '%' },
    { id: 'csat', title: 'Satisfaction (average of 1–5)', metric: 'csatAverage', kind: 'line', unit: '' },
    { id: 'reopen', title: 'Reopened later', metric: 'reopenRate', kind: 'line', unit: '%' },
  ]
}

/**
 * The admins' reports: a date range, bucket size and grouping (kept in the URL), eight charts each
 * with its data table, and the same report as CSV.
 */
export function Reports() {
  const [params, setParams] = useSearchParams()
  const query = queryFrom(params)
  const [draft, setDraft] = useState<ReportQuery>(query)
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [statistic, setStatistic] = useState<Statistic>('Median')
  const [clock, setClock] = useState<Clock>('wall')
  const [downloading, setDownloading] = useState(false)
  const search = qs({ ...query })

  useEffect(() => {
    let cancelled = false
    setReport(null)
    setError(null)
    setDraft(queryFrom(new URLSearchParams(search)))
    api<Report>('GET', `/api/admin/support/reports/${search}`)
      .then((r) => {
        if (!cancelled) setReport(r)
      })
      .catch((err) => {
        if (cancelled) return
        setError(errorMessage(err))
        setFieldErrors(err instanceof ApiError ? err.fieldErrors : {})
      })
    return () => {
      cancelled = true
    }
  }, [search])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setFieldErrors({})
    setParams({ ...draft }, { replace: false })
  }

  const download = async () => {
    setDownloading(true)
    try {
      await saveFile(`/api/admin/support/reports/export.csv${search}`, `support-report-${query.from}-${query.to}.csv`)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setDownloading(false)
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="grid grid-cols-2 gap-3 sm:grid-cols-5 sm:items-end" aria-label="Report settings">
        <TextField label="From" type="date" required value={draft.from} error={fieldErrors.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <TextField label="To (not included)" type="date" required value={draft.to} error={fieldErrors.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <SelectField label="Interval" value={draft.interval} onChange={(e) => setDraft({ ...draft, interval: e.target.value as Interval })}>
          {Object.entries(INTERVALS).map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </SelectField>
        <SelectField label="Group by" value={draft.groupBy} onChange={(e) => setDraft({ ...draft, groupBy: e.target.value as Grouping })}>
          {Object.entries(GROUPINGS).map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </SelectField>
        <div className="col-span-2 flex gap-2 sm:col-span-1">
          <Button type="submit" className="min-h-11 flex-1">Show report</Button>
        </div>
      </form>
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label="Times shown" value={statistic} onChange={(e) => setStatistic(e.target.value as Statistic)}>
          <option value="Median">Median</option>
          <option value="P90">90th percentile</option>
        </SelectField>
        <SelectField label="Clock" value={clock} onChange={(e) => setClock(e.target.value as Clock)}>
          <option value="wall">Calendar time</option>
          <option value="business">Business hours</option>
        </SelectField>
        <Button variant="secondary" className="min-h-11" busy={downloading} disabled={!report || downloading} onClick={download}>
          Download CSV
        </Button>
      </div>
      {error && <Alert>{error}</Alert>}
      {!report && !error && <Loading label="Loading the report…" />}
      {report && (
        <>
          <p className="text-sm text-slate-600" data-testid="report-scope">
            {report.from} to {report.to} (not included), by {report.interval}, time zone {report.tz}. Times in minutes.
          </p>
          <div className="grid gap-4 lg:grid-cols-2">
            {charts(statistic, clock).map((spec) => (
              <ReportChart key={spec.id} report={report} spec={spec} />
            ))}
          </div>
        </>
      )}
    </div>
  )
}
