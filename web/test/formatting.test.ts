import { describe, expect, it } from 'vitest'
import { formatDate, formatRating, listInWords } from '@/lib/text/formatting'

describe('dates, ratings and lists', () => {
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
