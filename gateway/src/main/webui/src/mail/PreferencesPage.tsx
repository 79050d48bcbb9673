import { useEffect, useState } from 'react'
import { api, errorMessage } from '../api'
import { Alert, Card, Loading, PageTitle, useTitle } from '../ui'
import { kindLabel, LANGUAGES, orderedKinds, type KindSetting, type Language, type Preferences } from './preferences'

const PATH = '/api/notifications/preferences/'

/**
 * /preferences: per kind, in the app and by e-mail, and the language of one's mails. Every change
 * is saved at once (PUT names only what changed) and the page shows what the server answered.
 */
export function PreferencesPage() {
  useTitle('Notification preferences')
  const [prefs, setPrefs] = useState<Preferences | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    api<Preferences>('GET', PATH).then(setPrefs).catch((e) => setError(errorMessage(e)))
  }, [])

  const save = async (change: Partial<{ kinds: Record<string, KindSetting>; language: Language }>, what: string) => {
    setBusy(true)
    setSaved(null)
    setError(null)
    try {
      setPrefs(await api<Preferences>('PUT', PATH, change))
      setSaved(`Saved: ${what}.`)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (!prefs) {
    return (
      <Card>
        <PageTitle>Notification preferences</PageTitle>
        {error ? <Alert>{error}</Alert> : <Loading />}
      </Card>
    )
  }
  return (
    <Card>
      <PageTitle>Notification preferences</PageTitle>
      <p className="mb-4 text-slate-700">Choose what reaches you in the app and by e-mail. Changes are saved at once.</p>
      <div aria-live="polite">
        {error && <Alert>{error}</Alert>}
        {saved && <Alert kind="success">{saved}</Alert>}
      </div>
      <table className="mb-6 w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-2 pr-4 font-semibold">Notification</th>
            <th scope="col" className="px-2 py-2 text-center font-semibold">In the app</th>
            <th scope="col" className="px-2 py-2 text-center font-semibold">E-mail</th>
          </tr>
        </thead>
        <tbody>
          {orderedKinds(prefs.kinds).map((kind) => {
            const setting = prefs.kinds[kind]
            const label = kindLabel(kind)
            return (
              <tr key={kind} className="border-b border-slate-100" data-kind={kind}>
                <th scope="row" className="py-2 pr-4 font-normal">{label}</th>
                {(['inApp', 'email'] as const).map((channel) => {
                  const value = setting[channel]
                  const channelLabel = channel === 'inApp' ? 'in the app' : 'by e-mail'
                  return (
                    <td key={channel} className="px-2 py-2 text-center">
                      {value === undefined ? (
                        <span className="text-slate-400" aria-label={`${label} ${channelLabel}: not available`}>—</span>
                      ) : (
                        <input
                          type="checkbox"
                          className="h-5 w-5"
                          aria-label={`${label} ${channelLabel}`}
                          checked={value}
                          disabled={busy}
                          onChange={(e) =>
                            save({ kinds: { [kind]: { [channel]: e.target.checked } } },
                              `${label} ${channelLabel} ${e.target.checked ? 'on' : 'off'}`)
                          }
                        />
                      )}
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
      <label htmlFor="mail-language" className="block text-sm font-medium text-slate-800">
        Language of your e-mails
      </label>
      <select
        id="mail-language"
        className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2"
        value={prefs.language}
        disabled={busy}
        onChange={(e) => {
          const language = e.target.value as Language
          save({ language }, `e-mails in ${LANGUAGES.find((l) => l.value === language)?.label ?? language}`)
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.value} value={l.value}>
            {l.label}
          </option>
        ))}
      </select>
    </Card>
  )
}
