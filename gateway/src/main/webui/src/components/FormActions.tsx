import type { ReactNode } from 'react'
import { Button } from '../ui'

/** A form's buttons: the submit button (busy while the form is sent) and Cancel. */
export function FormActions({ submit, busy, onCancel }: { submit: ReactNode; busy: boolean; onCancel: () => void }) {
  return (
    <div className="flex flex-wrap gap-3">
      <Button type="submit" busy={busy}>
        {submit}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  )
}
