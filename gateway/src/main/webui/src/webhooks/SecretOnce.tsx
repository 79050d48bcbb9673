import { useState } from 'react'
import { Alert, Button } from '../ui'

/** The signing secret, shown right after registering or rotating: it is never shown again. */
export function SecretOnce({ secret, rotated, onDone }: { secret: string; rotated?: boolean; onDone: () => void }) {
  const [copied, setCopied] = useState(false)
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret)
      setCopied(true)
    } catch {
      setCopied(false) // no clipboard access: the text can still be selected
    }
  }
  return (
    <Alert kind="info">
      <p className="mb-2 font-semibold">{rotated ? 'New signing secret' : 'Signing secret'} — copy it now, it is not shown again.</p>
      <code data-testid="webhook-secret" className="block rounded border border-blue-200 bg-white px-2 py-1 break-all select-all">{secret}</code>
      {rotated && <p className="mt-2">The previous secret keeps signing for 24 hours (both signatures are sent meanwhile).</p>}
      <div className="mt-2 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={copy}>{copied ? 'Copied' : 'Copy secret'}</Button>
        <Button variant="secondary" onClick={onDone}>I have stored it</Button>
      </div>
    </Alert>
  )
}
