import { gtinSchema } from '../feedItem.ts'

/**
 * A GTIN (Google's `gtin`, Awin's `ean`) as digits, or a warning saying why it was left out. A bad
 * GTIN does not refuse the item: its price and availability are still good, and spreadsheet
 * exports often mangle long numbers ("5.06E+12").
 */
export function parseGtin(text: string, attribute: string): { gtin?: string; warning?: string } {
  if (text === '') return {}
  const digits = text.replace(/[\s-]/g, '')
  if (gtinSchema.safeParse(digits).success) return { gtin: digits }
  return {
    warning: `${attribute} "${text}" was left out: it is not a GTIN (8, 12, 13 or 14 digits with a correct check digit).`,
  }
}
