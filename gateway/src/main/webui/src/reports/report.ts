import { CATEGORY_SHORT, PRIORITY_LABEL, type Priority } from '../types'

/** The report as GET /api/admin/support/reports/ answers it. */
export interface ReportBucket {
  start: string
  created: number
  resolved: number
  backlog: number
  firstResponseMedianMinutes: number | null
  firstResponseP90Minutes: number | null
  firstResponseBusinessMedianMinutes: number | null
  firstResponseBusinessP90Minutes: number | null
  resolutionMedianMinutes: number | null
  resolutionP90Minutes: number | null
  resolutionBusinessMedianMinutes: number | null
  resolutionBusinessP90Minutes: number | null
  slaMetPercent: number | null
  csatAverage: number | null
  csatCount: number
  reopenRate: number | null
}

export interface ReportSeries {
  group: string | null
  label: string | null
  buckets: ReportBucket[]
}

export interface Report {
  from: string
  to: string
  interval: Interval
  tz: string
  groupBy: Grouping
  series: ReportSeries[]
}

export type Interval = 'day' | 'week' | 'month'
export type Grouping = 'none' | 'category' | 'priority' | 'agent'
export type Statistic = 'Median' | 'P90'
export type Clock = 'wall' | 'business'

export const INTERVALS: Record<Interval, string> = { day: 'Day', week: 'Week', month: 'Month' }
export const GROUPINGS: Record<Grouping, string> = { none: 'No grouping', category: 'Category', priority: 'Priority', agent: 'Agent' }

/** What the page asks for; kept in the URL so a reload or a shared link shows the same report. */
export interface ReportQuery {
  from: string
  to: string
  interval: Interval
  groupBy: Grouping
}

/** A numeric member of a bucket. */
export type Metric = Exclude<keyof ReportBucket, 'start'>

/** The time measure for a statistic and clock, e.g. resolutionBusinessP90Minutes. */
export function timeMetric(kind: 'firstResponse' | 'resolution', statistic: Statistic, clock: Clock): Metric {
  return `${kind}${clock === 'business' ? 'Business' : ''}${statistic}Minutes` as Metric
}

/** YYYY-MM-DD of a local date. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The last 30 days including today, by days. */
export function defaultQuery(today: Date = new Date()): ReportQuery {
  const to = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1)
  const from = new Date(to.getFullYear(), to.getMonth(), to.getDate() - 30)
  return { from: isoDate(from), to: isoDate(to), interval: 'day', groupBy: 'none' }
}

/** The query in the URL, each value checked (anything odd falls back to the default). */
export function queryFrom(params: URLSearchParams, today: Date = new Date()): ReportQuery {
  const fallback = defaultQuery(today)
  const date = (v: string | null, d: string) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : d)
  const interval = params.get('interval') as Interval | null
  const groupBy = params.get('groupBy') as Grouping | null
  return {
    from: date(params.get('from'), fallback.from),
    to: date(params.get('to'), fallback.to),
    interval: interval && Object.hasOwn(INTERVALS, interval) ? interval : fallback.interval,
    groupBy: groupBy && Object.hasOwn(GROUPINGS, groupBy) ? groupBy : fallback.groupBy,
  }
}

/** A series' name on screen. */
export function seriesName(report: Pick<Report, 'groupBy'>, series: ReportSeries): string {
  switch (report.groupBy) {
    case 'none':
      return 'All tickets'
    case 'category':
      return CATEGORY_SHORT[series.group ?? ''] ?? series.group ?? ''
    case 'priority':
      return PRIORITY_LABEL[series.group as Priority] ?? series.group ?? ''
    case 'agent':
      return series.group == null ? 'Unassigned' : series.label || series.group
  }
}

/** A bucket's name on screen: the day it starts (a month as "2026-03"). */
export function bucketName(interval: Interval, start: string): string {
  const day = start.slice(0, 10)
  return interval === 'month' ? day.slice(0, 7) : day
}

/**
 * The chart's rows: one per bucket, a column per series (s0, s1, …: names chosen by people, such as
 * agents' names, never become object keys).
 */
export function chartRows(report: Report, metric: Metric): Array<Record<string, string | number | null>> {
  const first = report.series[0]?.buckets ?? []
  return first.map((bucket, i) => {
    const row: Record<string, string | number | null> = { bucket: bucketName(report.interval, bucket.start) }
    report.series.forEach((s, k) => {
      row[`s${k}`] = s.buckets[i]?.[metric] ?? null
    })
    return row
  })
}
