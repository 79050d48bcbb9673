import type { ReactNode } from 'react'

/**
 * The row of filters above a list: a named form (a landmark, so screen-reader users can jump to it)
 * that never submits, since every filter applies as soon as it changes.
 */
export function FilterBar({ label, className = 'mb-4 grid-cols-2', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <form className={`grid gap-2 ${className}`} aria-label={label} onSubmit={(e) => e.preventDefault()}>
      {children}
    </form>
  )
}
