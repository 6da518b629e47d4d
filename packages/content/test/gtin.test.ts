import { describe, expect, it } from 'vitest'

import { gtinProblem, normalisedGtin } from '../src/gtin.ts'

describe('gtinProblem', () => {
  it('accepts GTIN-8, GTIN-12, GTIN-13 and GTIN-14 with a correct check digit', () => {
    for (const gtin of ['96385074', '036000291452', '4006381333931', '10036000291459']) {
      expect(gtinProblem(gtin)).toBeUndefined()
    }
    expect(normalisedGtin('96385074')).toBe('00000096385074')
    expect(normalisedGtin('4006381333931')).toBe('04006381333931')
    expect(normalisedGtin('4006381333932')).toBeUndefined()
  })

  it('names a wrong check digit with the digit it should be, for each length', () => {
    expect(gtinProblem('96385075')).toBe(
      'The check digit of GTIN-8 "96385075" is wrong: it should end in 4. Check the number was copied correctly.',
    )
    expect(gtinProblem('036000291453')).toBe(
      'The check digit of GTIN-12 (UPC) "036000291453" is wrong: it should end in 2. Check the number was copied correctly.',
    )
    expect(gtinProblem('4006381333932')).toMatch(
      /^The check digit of GTIN-13 \(EAN\) "4006381333932" is wrong: it should end in 1\./,
    )
    expect(gtinProblem('10036000291450')).toMatch(
      /^The check digit of GTIN-14 "10036000291450" is wrong: it should end in 9\./,
    )
  })

  it('refuses non-digits, other lengths and nothing', () => {
    expect(gtinProblem('4006-381333931')).toBe(
      '"4006-381333931" is not a GTIN: use digits only, with no spaces, hyphens or letters, like "5012345678900".',
    )
    expect(gtinProblem('5.06E+12')).toMatch(/is not a GTIN: use digits only/)
    expect(gtinProblem('1234567890')).toBe(
      '"1234567890" has 10 digits: a GTIN has 8 (GTIN-8), 12 (UPC), 13 (EAN) or 14 (GTIN-14).',
    )
    expect(gtinProblem('')).toBe('Enter the GTIN: 8, 12, 13 or 14 digits, like "5012345678900".')
    expect(gtinProblem(undefined)).toBe(gtinProblem(''))
  })
})
