import { useState, type FormEvent } from 'react'
import { ApiError, api, errorMessage } from '../api'
import { useForm } from '../form'
import { Alert, Button, TextArea, TextField } from '../ui'
import { ALL_EVENTS, eventLabel, type Webhook } from './types'

const URL_MAX = 2000
const DESCRIPTION_MAX = 500

/** What the form checks before sending (the service checks again, and also where the URL resolves). */
export function checkWebhook(url: string, types: string[], description: string): Record<string, string> {
  const errors: Record<string, string> = {}
  const u = url.trim()
  if (!u) errors.url = 'Enter the URL that receives the events.'
  else if (u.length > URL_MAX) errors.url = `At most ${URL_MAX} characters.`
  else if (!/^https?:\/\/[^\s]+$/i.test(u)) errors.url = 'Enter a full URL starting with https://'
  if (types.length === 0) errors.eventTypes = 'Choose at least one event.'
  if (description.length > DESCRIPTION_MAX) errors.description = `At most ${DESCRIPTION_MAX} characters.`
  return errors
}

/** Registers a webhook (POST) or replaces one (PUT); answers what the service returned. */
export function WebhookForm({ eventTypes, existing, onSaved, onCancel }: {
  eventTypes: string[]
  existing?: Webhook
  onSaved: (webhook: Webhook) => void
  onCancel?: () => void
}) {
  const { errors, setErrors, formError, setFormError, busy, setBusy, form, checked } = useForm()
  const [url, setUrl] = useState(existing?.url ?? '')
  const [description, setDescription] = useState(existing?.description ?? '')
  const [types, setTypes] = useState<string[]>(existing?.eventTypes ?? [ALL_EVENTS])
  const [enabled, setEnabled] = useState(existing?.enabled ?? true)

  function toggle(type: string, on: boolean) {
    if (type === ALL_EVENTS) setTypes(on ? [ALL_EVENTS] : [])
    else setTypes((current) => (on ? [...current.filter((t) => t !== ALL_EVENTS), type] : current.filter((t) => t !== type)))
  }

  async function submit(e: FormEvent) {
    if (!checked(e, checkWebhook(url, types, description))) return
    setBusy(true)
    try {
      const body = { url: url.trim(), eventTypes: types, description, enabled }
      const saved = existing
        ? await api<Webhook>('PUT', `/api/admin/webhooks/${existing.id}/`, body)
        : await api<Webhook>('POST', '/api/admin/webhooks/', body)
      onSaved(saved)
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) {
        const found: Record<string, string> = {}
        err.errors.forEach((f) => (found[f.field.startsWith('eventTypes') ? 'eventTypes' : f.field] = f.message))
        setErrors(found)
      }
      setFormError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form ref={form} onSubmit={submit} noValidate aria-label={existing ? 'Edit webhook' : 'New webhook'}>
      {formError && <Alert>{formError}</Alert>}
      <TextField label="Endpoint URL" name="url" type="url" required value={url} maxChars={URL_MAX} error={errors.url}
        hint="Where the events are sent (https). Internal and private addresses are refused."
        onChange={(e) => setUrl(e.target.value)} />
      <fieldset className="mb-4" aria-describedby={errors.eventTypes ? 'event-types-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">Events <span aria-hidden="true" className="text-red-700">*</span></legend>
        <ul className="mt-1 grid gap-1 sm:grid-cols-2">
          {[ALL_EVENTS, ...eventTypes].map((type) => (
            <li key={type}>
              <label className="flex min-h-10 items-center gap-2 text-sm">
                <input type="checkbox" className="h-4 w-4" checked={types.includes(type)}
                  disabled={type !== ALL_EVENTS && types.includes(ALL_EVENTS)}
                  onChange={(e) => toggle(type, e.target.checked)} />
                {eventLabel(type)}
              </label>
            </li>
          ))}
        </ul>
        {errors.eventTypes && <p id="event-types-error" className="mt-1 text-sm text-red-700">{errors.eventTypes}</p>}
      </fieldset>
      <TextArea label="Description" name="description" rows={2} value={description} maxChars={DESCRIPTION_MAX}
        error={errors.description} onChange={(e) => setDescription(e.target.value)} />
      <label className="mb-4 flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        Enabled (send events)
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={busy}>{existing ? 'Save webhook' : 'Register webhook'}</Button>
        {onCancel && <Button variant="secondary" onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  )
}
