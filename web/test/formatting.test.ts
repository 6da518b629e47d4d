import { describe, expect, it } from 'vitest'
import { formatDate, formatNeedleLength, formatPrice, formatRating, listInWords } from '@/lib/formatting'

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

describe('needle lengths, dates and ratings', () => {
  it('writes fixed and adjustable needle lengths', () => {
    expect(formatNeedleLength({ min: 0.25, max: 0.25 })).toBe('0.25 mm')
    expect(formatNeedleLength({ min: 0.25, max: 2.5 })).toBe('0.25–2.5 mm')
    expect(formatNeedleLength({ min: 0.5, max: 3 })).toBe('0.5–3 mm')
  })

  it('writes dates in words, whatever the time zone', () => {
    expect(formatDate('2026-01-08')).toBe('8 January 2026')
    expect(formatDate('2026-05-02T23:30:00Z')).toBe('2 May 2026')
    expect(formatDate('not a date')).toBe('not a date')
  })

  it('shows ratings with one decimal', () => {
    expect(formatRating(8)).toBe('8.0')
    expect(formatRating(7.45)).toBe('7.5')
  })

  it('joins names in words', () => {
    expect(listInWords(['A'])).toBe('A')
    expect(listInWords(['A', 'B'])).toBe('A and B')
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C')
  })
})
