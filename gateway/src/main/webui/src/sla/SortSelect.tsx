import { useSearchParams } from 'react-router'
import { EnumSelect } from '../components/EnumSelect'

/** The one list order the API takes besides its default: the nearest running due time first. */
export const SORTS = ['slaDue'] as const
export type Sort = (typeof SORTS)[number]
const SORT_LABEL: Record<Sort, string> = { slaDue: 'Nearest due first' }

/**
 * The list order kept in the address (`?sort=slaDue`), so a reload or a shared link keeps it; any
 * other value in a pasted link is ignored rather than sent (the API would answer 400).
 */
export function useSort(): [Sort | undefined, (sort: string) => void] {
  const [params, setParams] = useSearchParams()
  const raw = params.get('sort')
  const sort = SORTS.find((s) => s === raw)
  const set = (value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p)
        if (value) next.set('sort', value)
        else next.delete('sort')
        return next
      },
      { replace: true },
    )
  return [sort, set]
}

/** The "Order" select of a ticket list; `onChanged` runs after a change (e.g. back to the first page). */
export function SortSelect({ className, onChanged }: { className?: string; onChanged?: () => void }) {
  const [sort, setSort] = useSort()
  const change = (value: string) => {
    setSort(value)
    onChanged?.()
  }
  return <EnumSelect label="Order" className={className} value={sort ?? ''} any="Default order" values={SORTS} labels={SORT_LABEL} onChange={change} />
}
