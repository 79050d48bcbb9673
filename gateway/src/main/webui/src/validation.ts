import type { FieldErrors } from './api'

export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
export const PHONE = /^\+?[0-9 ()./-]{5,32}$/
export const DELIVERY_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/

/** The rules the services enforce too (so most mistakes are caught before sending). */
export function validateRegistration(v: { name: string; email: string; password: string; phone: string }): FieldErrors {
  const e: FieldErrors = {}
  if (!v.name.trim()) e.name = 'Enter your name.'
  else if (v.name.length > 100) e.name = 'At most 100 characters.'
  if (!v.email.trim()) e.email = 'Enter your e-mail address.'
  else if (!EMAIL.test(v.email.trim())) e.email = 'Enter a valid e-mail address, like name@example.com.'
  if (!v.password) e.password = 'Choose a password.'
  else if (v.password.length < 8 || v.password.length > 72) e.password = 'The password must be 8 to 72 characters.'
  if (v.phone.trim() && !PHONE.test(v.phone.trim())) e.phone = 'Enter a phone number (digits, spaces, + ( ) . / -).'
  return e
}

export function hasErrors(e: FieldErrors): boolean {
  return Object.keys(e).length > 0
}

/** Puts the focus on the first invalid field of a form, so keyboard users land on it. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  window.setTimeout(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0)
}
