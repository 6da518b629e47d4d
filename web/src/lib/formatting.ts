import { type Term, titleOf } from '@microneedling/content/vocabulary'

/** The site writes for UK shoppers first; prices keep the currency each shop quotes. */
export const siteLocale = 'en-GB'

const priceFormats = new Map<string, Intl.NumberFormat>()

/** A price in its own currency, e.g. "£24.99" or "US$4,200.00". Unknown codes still read sensibly. */
export function formatPrice(amount: number, currency: string): string {
  let format = priceFormats.get(currency)
  if (!format) {
    try {
      format = new Intl.NumberFormat(siteLocale, { style: 'currency', currency })
    } catch {
      return `${amount.toFixed(2)} ${currency}`
    }
    priceFormats.set(currency, format)
  }
  return format.format(amount)
}

const millimetres = new Intl.NumberFormat(siteLocale, { maximumFractionDigits: 2 })

export function formatMillimetres(value: number): string {
  return `${millimetres.format(value)} mm`
}

/** "0.25 mm", or "0.25–2.5 mm" for a needle depth that can be adjusted. */
export function formatNeedleLength(length: { min: number; max: number }): string {
  if (length.min === length.max) return formatMillimetres(length.min)
  return `${millimetres.format(length.min)}–${millimetres.format(length.max)} mm`
}

const longDate = new Intl.DateTimeFormat(siteLocale, { dateStyle: 'long', timeZone: 'UTC' })

/** "8 January 2026" from an ISO date (YYYY-MM-DD or a full timestamp). */
export function formatDate(isoDate: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate)
  return Number.isNaN(date.getTime()) ? isoDate : longDate.format(date)
}

const ratingFormat = new Intl.NumberFormat(siteLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })

export function formatRating(rating: number): string {
  return ratingFormat.format(rating)
}

export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No'
}

/** A vocabulary label; unknown values (a newer Studio) still show as themselves. */
export function label(list: readonly Term[], value: string): string {
  return titleOf(list, value)
}

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
