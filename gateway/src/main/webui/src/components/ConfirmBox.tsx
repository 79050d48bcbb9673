import type { ReactNode } from 'react'
import { Button } from '../ui'

/** The red button that does the irreversible step, and Cancel. */
export function ConfirmButtons({ confirm, busy, onConfirm, onCancel, className = '' }: { confirm: ReactNode; busy: boolean; onConfirm: () => void; onCancel: () => void; className?: string }) {
  return (
    <div className={`flex flex-wrap gap-2 ${className}`}>
      <Button variant="danger" busy={busy} onClick={onConfirm}>
        {confirm}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  )
}

/** An irreversible step asked once more: what it will do, then ConfirmButtons, as a named group. */
export function ConfirmBox({ label, children, className = '', ...buttons }: { label: string; children: ReactNode; className?: string } & Parameters<typeof ConfirmButtons>[0]) {
  return (
    <div role="group" aria-label={label} className={`rounded-md border border-red-300 bg-red-50 p-3 ${className}`}>
      <p className="mb-2 text-sm text-red-900">{children}</p>
      <ConfirmButtons {...buttons} />
    </div>
  )
}
