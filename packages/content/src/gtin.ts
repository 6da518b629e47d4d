/**
 * GTINs (GTIN-8, GTIN-12 "UPC", GTIN-13 "EAN", GTIN-14): one rule for the Studio's device field, the
 * feed reader and the import planner, so a GTIN the Studio accepts is one a feed can be matched on.
 */

const gtinLengths: Record<number, string> = { 8: 'GTIN-8', 12: 'GTIN-12 (UPC)', 13: 'GTIN-13 (EAN)', 14: 'GTIN-14' }

/**
 * What is wrong with a GTIN, in words for an editor, or undefined when it is 8, 12, 13 or 14 digits
 * with a correct check digit. Spaces and hyphens are refused too: the stored value is digits only.
 */
export function gtinProblem(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return 'Enter the GTIN: 8, 12, 13 or 14 digits, like "5012345678900".'
  if (!/^\d+$/.test(value)) {
    return `"${value}" is not a GTIN: use digits only, with no spaces, hyphens or letters, like "5012345678900".`
  }
  if (gtinLengths[value.length] === undefined) {
    return `"${value}" has ${value.length} digits: a GTIN has 8 (GTIN-8), 12 (UPC), 13 (EAN) or 14 (GTIN-14).`
  }
  const expected = checkDigitOf(value.slice(0, -1))
  if (Number(value.at(-1)) !== expected) {
    return `The check digit of ${gtinLengths[value.length]} "${value}" is wrong: it should end in ${expected}. Check the number was copied correctly.`
  }
  return undefined
}

/** A valid GTIN as 14 digits (leading zeros added), so GTIN-13 "4006381333931" equals "04006381333931"; else undefined. */
export function normalisedGtin(value: string | undefined): string | undefined {
  if (value === undefined || gtinProblem(value) !== undefined) return undefined
  return value.padStart(14, '0')
}

/** The GS1 check digit: weights 3 and 1 alternate from the digit next to the check digit leftwards. */
function checkDigitOf(digits: string): number {
  let sum = 0
  for (let position = digits.length - 1, weight = 3; position >= 0; position--, weight = 4 - weight) {
    sum += Number(digits[position]) * weight
  }
  return (10 - (sum % 10)) % 10
}
