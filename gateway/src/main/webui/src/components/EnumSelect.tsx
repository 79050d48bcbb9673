/** An option that is none of the listed values, e.g. the dashboard's "Not yet resolved". */
export interface SelectOption {
  value: string
  label: string
}

export interface EnumSelectProps<T extends string> {
  label: string
  value: string
  onChange: (value: string) => void
  /** The choices, in this order. */
  values: readonly T[]
  /** People read labels, not codes; a value without a label shows as itself. */
  labels?: Readonly<Partial<Record<T, string>>>
  /** The text of the option with the value '' ("Any", "Anyone", "Choose…"); null for none. */
  any?: string | null
  /** Options put before the '' one. */
  before?: readonly SelectOption[]
  invalid?: boolean
  /** The label's classes (the label wraps the select, which names it). */
  className?: string
}

const selectClass = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm'

/** The compact select of filter bars and inline forms: a label around a select of enum values. */
export function EnumSelect<T extends string>({ label, value, onChange, values, labels, any = 'Any', before = [], invalid, className = 'text-sm' }: EnumSelectProps<T>) {
  return (
    <label className={className}>
      {label}
      <select className={selectClass} value={value} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value)}>
        {before.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {any !== null && <option value="">{any}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {labels?.[v] ?? v}
          </option>
        ))}
      </select>
    </label>
  )
}
