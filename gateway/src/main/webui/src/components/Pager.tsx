import { Button } from '../ui'

/** How many pages `total` items make, `size` a page: at least one, also for odd input. */
export function pageCount(total: number, size: number): number {
  if (!Number.isFinite(total) || !Number.isFinite(size) || total <= 0 || size <= 0) return 1
  return Math.max(1, Math.ceil(total / size))
}

/** Previous / "Page n of m" / Next under a list (`page` counts from 0); nothing when one page holds it all. */
export function Pager({ label, page, total, size, onPage }: { label: string; page: number; total: number; size: number; onPage: (page: number) => void }) {
  const pages = pageCount(total, size)
  if (pages <= 1) return null
  return (
    <nav className="mt-3 flex items-center gap-3" aria-label={label}>
      <Button variant="secondary" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <span className="text-sm">
        Page {page + 1} of {pages}
      </span>
      <Button variant="secondary" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  )
}
