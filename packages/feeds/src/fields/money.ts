import type { Money } from '../feedItem.ts'
import { RowRefusal } from '../rowRefusal.ts'
import { isIso4217Code } from './iso4217.ts'

const plainAmount = /^-?\d+(?:\.\d+)?$/
const amountAndCurrency = /^(-?[\d.,]+)\s*([A-Za-z]{3})$/
const currencyAndAmount = /^([A-Za-z]{3})\s*(-?[\d.,]+)$/

/** The most a price may be unless the reader is told otherwise: above it, a typo is likelier. */
export const defaultMaxPrice = 100_000

/** A price written as Google asks, "15.00 GBP" (the code may also come first, "GBP 15.00"). */
export function parseGooglePrice(text: string, attribute: string, maxPrice: number): Money {
  if (text === '') throw new RowRefusal(`${attribute} is empty: give an amount and a currency code, like "15.00 GBP".`)
  const match = amountAndCurrency.exec(text) ?? currencyAndAmount.exec(text)
  if (!match) {
    throw new RowRefusal(`${attribute} "${text}" is not an amount and a currency code, like "15.00 GBP".`)
  }
  const [amountText, code] = /^\d|^-/.test(match[1]!) ? [match[1]!, match[2]!] : [match[2]!, match[1]!]
  return {
    amount: parseAmount(amountText, attribute, code.toUpperCase(), maxPrice),
    currency: currency(code, `${attribute} currency`),
  }
}

/** A price given as an amount and a currency in separate columns (Awin's search_price and currency). */
export function parseSplitPrice(amountText: string, currencyText: string, column: string, maxPrice: number): Money {
  const code = currency(currencyText, 'currency')
  return { amount: parseAmount(amountText, column, code, maxPrice), currency: code }
}

export function currency(text: string, column: string): string {
  const code = text.trim().toUpperCase()
  if (code === '') throw new RowRefusal(`${column} is empty: give an ISO 4217 code, like "GBP".`)
  if (!isIso4217Code(code)) throw new RowRefusal(`${column} "${text}" is not an ISO 4217 currency code, like "GBP".`)
  return code
}

function parseAmount(text: string, attribute: string, code: string, maxPrice: number): number {
  if (text === '') throw new RowRefusal(`${attribute} is empty.`)
  if (text.includes(',')) {
    throw new RowRefusal(
      `${attribute} "${text}" has a comma: write the amount with a decimal point and no thousands separator, like "1500.00".`,
    )
  }
  if (!plainAmount.test(text)) throw new RowRefusal(`${attribute} "${text}" is not a number, like "15.00".`)
  const amount = Number(text)
  if (amount < 0) throw new RowRefusal(`${attribute} ${text} ${code} is negative.`)
  if (amount === 0) throw new RowRefusal(`${attribute} is zero: a product with no price cannot be compared.`)
  if (amount > maxPrice) {
    throw new RowRefusal(`${attribute} ${text} ${code} is above ${maxPrice}, the most a price may be: check the feed.`)
  }
  return amount
}
