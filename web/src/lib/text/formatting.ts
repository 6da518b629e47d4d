import { siteLocale } from '@microneedling/content/formatting'

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

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** What a visitor typed, quoted and cut to 40 characters, before a notice echoes it back. */
export function quotedInput(value: string): string {
  return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`
}
