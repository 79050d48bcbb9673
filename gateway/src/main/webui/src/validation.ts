import type { FieldErrors } from './api'

export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
export const PHONE = /^\+?[0-9 ()./-]{5,32}$/
export const DELIVERY_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/

/** The API's length limits (in UTF-16 code units, as the services count): the forms refuse, never cut. */
export const MAX = {
  name: 100,
  email: 254,
  subject: 200,
  description: 10_000,
  deliveryId: 64,
  note: 5_000,
  comment: 2_000,
  message: 20_000,
} as const

/** The rules the services enforce too (so most mistakes are caught before sending). */
export function validateRegistration(v: { name: string; email: string; password: string; phone: string }): FieldErrors {
  const e: FieldErrors = {}
  if (!v.name.trim()) e.name = 'Enter your name.'
  else if (v.name.trim().length > MAX.name) e.name = `At most ${MAX.name} characters.`
  if (!v.email.trim()) e.email = 'Enter your e-mail address.'
  else if (v.email.trim().length > MAX.email) e.email = `At most ${MAX.email} characters.`
  else if (!EMAIL.test(v.email.trim())) e.email = 'Enter a valid e-mail address, like name@example.com.'
  if (!v.password) e.password = 'Choose a password.'
  else if (v.password.length < 8 || v.password.length > 72) e.password = 'The password must be 8 to 72 characters.'
  if (v.phone.trim() && !PHONE.test(v.phone.trim())) e.phone = 'Enter a phone number (digits, spaces, + ( ) . / -).'
  return e
}

/** A copy of the errors without this field's: a corrected field stops showing its old message at once. */
export function withoutError(errors: FieldErrors, field: string): FieldErrors {
  if (!Object.hasOwn(errors, field)) return errors
  const rest = { ...errors }
  delete rest[field]
  return rest
}

export function hasErrors(e: FieldErrors): boolean {
  return Object.keys(e).length > 0
}

/** Puts the focus on the first invalid field of a form, so keyboard users land on it. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  window.setTimeout(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0)
}
