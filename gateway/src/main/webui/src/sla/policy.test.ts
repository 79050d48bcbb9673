import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY, nineToFive } from './fixtures'
import { DAYS, draftOf, formFieldOf, isIsoDate, knownTimeZones, minutesOfDay, policyBody, serverFieldErrors, validatePolicy, type PolicyDraft, type SlaPolicy } from './policy'

/** The default policy, Monday split in two spans (the later one first), Friday first, holidays out of order. */
const POLICY: SlaPolicy = {
  ...DEFAULT_POLICY,
  businessHours: [
    ...nineToFive('FRIDAY'),
    { day: 'MONDAY', start: '13:00', end: '17:00' },
    { day: 'MONDAY', start: '09:00', end: '12:00' },
    ...DEFAULT_POLICY.businessHours.filter((h) => h.day !== 'MONDAY' && h.day !== 'FRIDAY'),
  ],
  holidays: ['2026-12-26', '2026-12-25'],
  version: 7,
}
const ZONES = ['Europe/Berlin', 'UTC', 'Asia/Tokyo']

function draft(change: (d: PolicyDraft) => void = () => {}): PolicyDraft {
  const d = draftOf(POLICY)
  change(d)
  return d
}

describe('draftOf and policyBody', () => {
  it('group the hours by day in start order, sort holidays, and give targets as text', () => {
    const d = draft()
    expect(d.hours.MONDAY).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ])
    expect(d.hours.SATURDAY).toEqual([])
    expect(d.holidays).toEqual(['2026-12-25', '2026-12-26'])
    expect(d.targets.HIGH).toEqual({ firstResponseMinutes: '60', resolutionMinutes: '480' })
    expect(d.version).toBe(7)
  })

  it('serialise the contract shape: weekday order, trimmed times, whole-number targets, the version read', () => {
    const body = policyBody(
      draft((d) => {
        d.hours.SUNDAY = [{ start: ' 00:00 ', end: '24:00 ' }]
        d.targets.HIGH.firstResponseMinutes = ' 1 '
      }),
    )
    expect(body).toEqual({
      timeZone: 'Europe/Berlin',
      businessHours: [
        { day: 'MONDAY', start: '09:00', end: '12:00' },
        { day: 'MONDAY', start: '13:00', end: '17:00' },
        ...nineToFive('TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'),
        { day: 'SUNDAY', start: '00:00', end: '24:00' },
      ],
      holidays: ['2026-12-25', '2026-12-26'],
      targets: {
        LOW: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
        MEDIUM: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
        HIGH: { firstResponseMinutes: 1, resolutionMinutes: 480 },
      },
      version: 7,
    })
    expect(body).not.toHaveProperty('updatedAt')
    // what is sent reads back as the same draft
    expect(policyBody(draftOf({ ...body, version: 7 }))).toEqual(body)
  })

  it('survive a policy with days or targets missing', () => {
    const d = draftOf({ ...POLICY, businessHours: [{ day: 'SOMEDAY' as never, start: '09:00', end: '10:00' }], holidays: undefined as never, targets: {} as never })
    expect(DAYS.every((day) => d.hours[day].length === 0)).toBe(true)
    expect(d.holidays).toEqual([])
    expect(d.targets.LOW).toEqual({ firstResponseMinutes: '', resolutionMinutes: '' })
  })
})

describe('validatePolicy', () => {
  it('accepts the default policy, 24-hour days and a one-minute target', () => {
    expect(validatePolicy(draft(), ZONES)).toEqual({})
    const allDay = draft((d) => {
      for (const day of DAYS) d.hours[day] = [{ start: '00:00', end: '24:00' }]
      d.targets.HIGH = { firstResponseMinutes: '1', resolutionMinutes: '1' }
      d.targets.LOW.resolutionMinutes = '525600'
    })
    expect(validatePolicy(allDay, ZONES)).toEqual({})
  })

  it('wants a known time zone', () => {
    expect(validatePolicy(draft((d) => (d.timeZone = '')), ZONES).timeZone).toBe('Choose a time zone.')
    expect(validatePolicy(draft((d) => (d.timeZone = 'Mars/Olympus')), ZONES).timeZone).toBe('Choose a time zone from the list.')
  })

  it.each([
    ['24:00', '17:00', 'start', 'A time like 09:00 (00:00 to 23:59).'],
    ['9:00', '17:00', 'start', 'A time like 09:00 (00:00 to 23:59).'],
    ['09:00\u0000', '17:00', 'start', 'A time like 09:00 (00:00 to 23:59).'],
    ['09:60', '17:00', 'start', 'A time like 09:00 (00:00 to 23:59).'],
    ['09:00', '24:01', 'end', 'A time like 17:00 (00:01 to 24:00).'],
    ['09:00', '25:00', 'end', 'A time like 17:00 (00:01 to 24:00).'],
    ['09:00', '1'.repeat(10_000), 'end', 'A time like 17:00 (00:01 to 24:00).'],
    ['09:00', '09:00', 'end', 'Must be after the start.'],
    ['17:00', '09:00', 'end', 'Must be after the start.'],
  ])('refuses the hours %j to %j at the %s', (start, end, part, message) => {
    const errors = validatePolicy(draft((d) => (d.hours.FRIDAY = [{ start, end }])), ZONES)
    expect(errors).toEqual({ [`hours.FRIDAY.0.${part}`]: message })
  })

  it('refuses overlapping hours of one day, but not spans that only touch', () => {
    const overlap = draft((d) => (d.hours.MONDAY = [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '13:30' }]))
    expect(validatePolicy(overlap, ZONES)).toEqual({ 'hours.MONDAY': 'These hours overlap.' })
    const touching = draft((d) => (d.hours.MONDAY = [{ start: '13:00', end: '24:00' }, { start: '00:00', end: '13:00' }]))
    expect(validatePolicy(touching, ZONES)).toEqual({})
  })

  it('refuses a policy without any business hours (a clock could never end)', () => {
    const closed = draft((d) => DAYS.forEach((day) => (d.hours[day] = [])))
    expect(validatePolicy(closed, ZONES)).toEqual({ businessHours: 'Open on at least one day: without business hours no clock could ever end.' })
  })

  it('refuses bad, impossible and repeated holidays, and more than 366', () => {
    const errors = validatePolicy(draft((d) => (d.holidays = ['2026-12-25', '2026-02-30', '25.12.2026', '2026-12-25', '2026-12-24\u0000'])), ZONES)
    expect(errors).toEqual({
      'holidays.1': 'A date like 2026-12-25.',
      'holidays.2': 'A date like 2026-12-25.',
      'holidays.3': 'This day is listed twice.',
      'holidays.4': 'A date like 2026-12-25.',
    })
    const many = Array.from({ length: 367 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10))
    expect(validatePolicy(draft((d) => (d.holidays = many)), ZONES)).toEqual({ holidays: 'At most 366 holidays.' })
    expect(validatePolicy(draft((d) => (d.holidays = many.slice(0, 366))), ZONES)).toEqual({})
  })

  it.each(['', '0', '-5', '1.5', '1e3', ' ', 'sixty', '525601', '9'.repeat(400), '60\u0000'])('refuses the target %j', (value) => {
    const errors = validatePolicy(draft((d) => (d.targets.MEDIUM.firstResponseMinutes = value)), ZONES)
    expect(errors).toEqual({ 'targets.MEDIUM.firstResponseMinutes': 'Whole minutes, 1 to 525,600 (a year).' })
  })

  it('wants the resolution target at least as long as the first response', () => {
    const errors = validatePolicy(draft((d) => (d.targets.LOW = { firstResponseMinutes: '500', resolutionMinutes: '499' })), ZONES)
    expect(errors).toEqual({ 'targets.LOW.resolutionMinutes': 'At least the first-response target.' })
  })
})

describe('the pieces', () => {
  it('minutesOfDay reads HH:mm, and 24:00 only as an end', () => {
    expect(minutesOfDay('00:00')).toBe(0)
    expect(minutesOfDay(' 09:30 ')).toBe(570)
    expect(minutesOfDay('23:59')).toBe(1439)
    expect(minutesOfDay('24:00')).toBeNull()
    expect(minutesOfDay('24:00', true)).toBe(1440)
    expect(minutesOfDay('0930')).toBeNull()
  })

  it('isIsoDate knows the calendar', () => {
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2027-02-29')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('2026-1-01')).toBe(false)
  })

  it('knownTimeZones lists the browser zones and UTC', () => {
    const zones = knownTimeZones()
    expect(zones).toContain('UTC')
    expect(zones).toContain('Europe/Berlin')
    expect(new Set(zones).size).toBe(zones.length)
  })
})

describe('the service errors back on the fields', () => {
  const d = draft()

  it.each([
    ['timeZone', 'timeZone'],
    ['put.body.timeZone', 'timeZone'],
    // businessHours are sent Monday first: index 1 is Monday's second span, 5 is Friday's
    ['businessHours[1].end', 'hours.MONDAY.1.end'],
    ['update.policy.businessHours[5].start', 'hours.FRIDAY.0.start'],
    ['businessHours.0.end', 'hours.MONDAY.0.end'],
    ['businessHours[2]', 'hours.TUESDAY'],
    ['businessHours[2].day', 'hours.TUESDAY'],
    ['businessHours[99].end', 'businessHours'],
    ['businessHours', 'businessHours'],
    ['holidays[1]', 'holidays.1'],
    ['holidays[1].<list element>', 'holidays.1'],
    ['holidays[7]', 'holidays'],
    ['holidays', 'holidays'],
    ['targets.HIGH.resolutionMinutes', 'targets.HIGH.resolutionMinutes'],
    ['targets[LOW].firstResponseMinutes', 'targets.LOW.firstResponseMinutes'],
    ['targets.MEDIUM', 'targets.MEDIUM.firstResponseMinutes'],
    ['targets.URGENT.resolutionMinutes', 'targets'],
    ['targets', 'targets'],
    ['version', ''],
    ['', ''],
    ['__proto__', ''],
  ])('%j → %j', (field, key) => {
    expect(formFieldOf(field, d)).toBe(key)
  })

  it('joins two messages of one field; what names no field goes to the form', () => {
    expect(
      serverFieldErrors(
        [
          { field: 'targets.HIGH.resolutionMinutes', message: 'must be at least the first response' },
          { field: 'targets.HIGH.resolutionMinutes', message: 'at most 525600' },
          { field: 'version', message: 'required' },
          { field: 'businessHours[0].end', message: 'must be after start' },
        ],
        d,
      ),
    ).toEqual({
      'targets.HIGH.resolutionMinutes': 'must be at least the first response; at most 525600',
      '': 'required',
      'hours.MONDAY.0.end': 'must be after start',
    })
  })
})
