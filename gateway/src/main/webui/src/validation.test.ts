import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DELIVERY_ID, EMAIL, MAX, PHONE, focusFirstInvalid, hasErrors, validateRegistration, withoutError } from './validation'

const valid = { name: 'Ada Customer', email: 'ada@example.com', password: 'correct horse', phone: '' }

describe('validateRegistration', () => {
  it('accepts a complete registration', () => {
    expect(validateRegistration(valid)).toEqual({})
    expect(validateRegistration({ ...valid, phone: '+49 (30) 123-456/7.8' })).toEqual({})
  })

  it('asks for every required field in words', () => {
    expect(validateRegistration({ name: ' ', email: '', password: '', phone: '' })).toEqual({
      name: 'Enter your name.',
      email: 'Enter your e-mail address.',
      password: 'Choose a password.',
    })
  })

  it('counts the name without the spaces around it, up to the API limit', () => {
    expect(validateRegistration({ ...valid, name: `  ${'n'.repeat(MAX.name)}  ` })).toEqual({})
    expect(validateRegistration({ ...valid, name: 'n'.repeat(MAX.name + 1) }).name).toBe('At most 100 characters.')
  })

  it('limits the e-mail address to 254 characters before checking its shape', () => {
    const local = 'a'.repeat(64)
    const ok = `${local}@${'d'.repeat(254 - 64 - 1 - 4)}.com`
    expect(ok).toHaveLength(MAX.email)
    expect(validateRegistration({ ...valid, email: ok })).toEqual({})
    expect(validateRegistration({ ...valid, email: `x${ok}` }).email).toBe('At most 254 characters.')
  })

  it.each(['plain', 'a@b', '@example.com', 'a@@example.com', 'a b@example.com', 'a@example.com\u0000x y', 'a@exa mple.com'])(
    'refuses the e-mail address %j',
    (email) => {
      expect(validateRegistration({ ...valid, email }).email).toBe('Enter a valid e-mail address, like name@example.com.')
    },
  )

  it('wants 8 to 72 password characters, spaces counted', () => {
    expect(validateRegistration({ ...valid, password: '1234567' }).password).toBe('The password must be 8 to 72 characters.')
    expect(validateRegistration({ ...valid, password: '        ' }).password).toBeUndefined()
    expect(validateRegistration({ ...valid, password: 'p'.repeat(72) }).password).toBeUndefined()
    expect(validateRegistration({ ...valid, password: 'p'.repeat(73) }).password).toBe('The password must be 8 to 72 characters.')
  })

  it.each(['1234', 'call me', '+49 30 1234<script>', '0'.repeat(33), '12345\u0000'])('refuses the phone number %j', (phone) => {
    expect(validateRegistration({ ...valid, phone }).phone).toBe('Enter a phone number (digits, spaces, + ( ) . / -).')
  })
})

describe('the patterns', () => {
  it('match delivery ids the way the ticket service does', () => {
    expect(DELIVERY_ID.test('DLV-1001')).toBe(true)
    expect(DELIVERY_ID.test('a.b_c:d/e-f')).toBe(true)
    expect(DELIVERY_ID.test('-DLV')).toBe(false)
    expect(DELIVERY_ID.test('DLV 1')).toBe(false)
    expect(DELIVERY_ID.test('DLV\u00001')).toBe(false)
  })

  it('keep e-mail and phone patterns whole-string', () => {
    expect(EMAIL.test('x a@b.c')).toBe(false)
    expect(PHONE.test('12345\nabc')).toBe(false)
  })

  it('use the API limits', () => {
    expect(MAX).toEqual({ name: 100, email: 254, subject: 200, message: 20000, description: 10_000, deliveryId: 64, note: 5_000, comment: 2_000 })
  })
})

describe('withoutError and hasErrors', () => {
  it('drop one field and keep the others, never changing the original', () => {
    const errors = { name: 'Enter your name.', email: 'Enter your e-mail address.' }
    const rest = withoutError(errors, 'name')
    expect(rest).toEqual({ email: 'Enter your e-mail address.' })
    expect(errors).toEqual({ name: 'Enter your name.', email: 'Enter your e-mail address.' })
    expect(hasErrors(rest)).toBe(true)
    expect(hasErrors(withoutError(rest, 'email'))).toBe(false)
  })

  it('hand back the same object when the field had no error (no needless re-render)', () => {
    const errors = { name: 'x' }
    expect(withoutError(errors, 'email')).toBe(errors)
    expect(withoutError(errors, '__proto__')).toBe(errors)
  })
})

describe('focusFirstInvalid', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('moves the focus to the first invalid field of the form once React has rendered the errors', () => {
    document.body.innerHTML = `<form><input id="ok"><input id="bad1" aria-invalid="true"><textarea id="bad2" aria-invalid="true"></textarea></form>`
    focusFirstInvalid(document.querySelector('form'))
    expect(document.activeElement?.id).not.toBe('bad1')
    vi.runAllTimers()
    expect(document.activeElement?.id).toBe('bad1')
  })

  it('does nothing without a form or an invalid field', () => {
    document.body.innerHTML = `<form><input id="ok" aria-invalid="false"></form>`
    focusFirstInvalid(document.querySelector('form'))
    focusFirstInvalid(null)
    vi.runAllTimers()
    expect(document.activeElement).toBe(document.body)
  })
})
