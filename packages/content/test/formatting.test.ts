import { describe, expect, it } from 'vitest'
import {
  formatMillimetres,
  formatNeedleLength,
  formatNeedleLengths,
  formatPrice,
  needleLengthText,
} from '../src/formatting.ts'

describe('formatPrice', () => {
  it('formats each price in its own currency', () => {
    expect(formatPrice(24.99, 'GBP')).toBe('£24.99')
    expect(formatPrice(22.5, 'GBP')).toBe('£22.50')
    expect(formatPrice(4200, 'USD')).toBe('US$4,200.00')
    expect(formatPrice(455, 'EUR')).toBe('€455.00')
  })

  it('still reads sensibly for a code Intl does not accept', () => {
    expect(formatPrice(10, 'XX1')).toBe('10.00 XX1')
  })
})

describe('needle lengths', () => {
  it('writes fixed and adjustable needle lengths', () => {
    expect(formatMillimetres(1.5)).toBe('1.5 mm')
    expect(formatNeedleLength({ min: 0.25, max: 0.25 })).toBe('0.25 mm')
    expect(formatNeedleLength({ min: 0.25, max: 2.5 })).toBe('0.25–2.5 mm')
    expect(needleLengthText({ min: 0.25, max: 2.5 }, true)).toBe('0.25–2.5 mm (adjustable)')
    expect(needleLengthText({ min: 0.5, max: 0.5 }, false)).toBe('0.5 mm')
    expect(needleLengthText({ min: 0.5, max: 0.5 }, false, { sayFixed: true })).toBe('0.5 mm (fixed)')
    expect(formatNeedleLength({ min: 0.5, max: 3 })).toBe('0.5–3 mm')
  })

  it('writes what is known of lengths an editor is still entering', () => {
    expect(formatNeedleLengths({ adjustable: false, lengthMm: 0.5 })).toBe('0.5 mm')
    expect(formatNeedleLengths({ adjustable: true, minLengthMm: 0.25, maxLengthMm: 2.5 })).toBe('0.25–2.5 mm')
    expect(formatNeedleLengths({ adjustable: true, maxLengthMm: 2 })).toBe('up to 2 mm')
    expect(formatNeedleLengths({ adjustable: true, minLengthMm: 0.5 })).toBe('from 0.5 mm')
    expect(formatNeedleLengths({ adjustable: true })).toBeUndefined()
    expect(formatNeedleLengths(undefined)).toBeUndefined()
  })
})
