import { useEffect, useState } from 'react'
import { PRIORITIES, PRIORITY_LABEL, type Priority } from '../types'
import { Button } from '../ui'
import { EnumSelect } from '../components/EnumSelect'

/**
 * Staff change a ticket's priority here (its clocks take the new targets, keeping the minutes used).
 * The caller sends it; the select follows the ticket when someone else changed it meanwhile.
 */
export function PriorityChange({ current, busy, disabled, onChange }: { current: Priority; busy: boolean; disabled: boolean; onChange: (to: Priority) => void }) {
  const [chosen, setChosen] = useState<Priority>(current)
  useEffect(() => setChosen(current), [current])
  return (
    <div role="group" aria-label="Change priority" className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-200 pt-4">
      <EnumSelect label="Priority" className="min-w-36 flex-1 text-sm" value={chosen} any={null} values={PRIORITIES} labels={PRIORITY_LABEL} onChange={(v) => setChosen(v as Priority)} />
      <Button variant="secondary" busy={busy} disabled={disabled || chosen === current} onClick={() => onChange(chosen)}>
        Change priority
      </Button>
    </div>
  )
}
