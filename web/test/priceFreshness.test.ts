import { staleBefore } from '@microneedling/content/editorialChecks'
import { describe, expect, it } from 'vitest'
import { priceMayHaveChanged } from '@/lib/catalogue/priceFreshness'

const dayMs = 86_400_000

describe('priceMayHaveChanged', () => {
  it('marks a price checked more than the given days ago', () => {
    const now = new Date('2025-06-15T10:00:00Z')
    expect(priceMayHaveChanged('2025-05-16', 30, now)).toBe(true)
    expect(priceMayHaveChanged('2025-05-17', 30, now)).toBe(false)
    expect(priceMayHaveChanged('not a date', 30, now)).toBe(true)
  })

  it('agrees with the Studio\'s "Prices to check" list, whose filter compares dates with staleBefore', () => {
    for (const moment of ['2025-06-15T00:00:00Z', '2025-06-15T10:00:00Z', '2025-06-15T23:59:59.999Z']) {
      const now = new Date(moment)
      for (const staleDays of [1, 30, 90]) {
        for (let age = 0; age <= staleDays + 2; age++) {
          const checked = new Date(now.getTime() - age * dayMs).toISOString().slice(0, 10)
          expect(checked < staleBefore(now, staleDays), `${checked} at ${moment}`).toBe(
            priceMayHaveChanged(checked, staleDays, now),
          )
        }
      }
    }
  })
})
