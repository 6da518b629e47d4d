import type { EffectivePeriod } from '../feedItem.ts'
import { RowRefusal } from '../rowRefusal.ts'

// ISO 8601 as Google writes it: a date, or a date and time (minutes at least) with an optional offset.
const isoTime = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/

/**
 * `sale_price_effective_date`: two ISO 8601 times joined by "/", like
 * "2025-02-24T11:07+01:00/2025-02-29T23:07+01:00". A time with no offset is read as UTC, a date
 * alone as midnight UTC, so the result never depends on where the importer runs.
 */
export function parseEffectivePeriod(text: string): EffectivePeriod {
  const parts = text.split('/').map((part) => part.trim())
  if (parts.length !== 2) {
    throw new RowRefusal(
      `sale_price_effective_date "${text}" is not two ISO 8601 times joined by "/", like "2025-03-01T00:00Z/2025-03-08T00:00Z".`,
    )
  }
  const [from, to] = parts.map((part) => isoInstant(part, text)) as [string, string]
  if (from >= to) throw new RowRefusal(`sale_price_effective_date "${text}" ends before it starts.`)
  return { from, to }
}

function isoInstant(part: string, whole: string): string {
  const time = isoTime.test(part) && isCalendarDate(part.slice(0, 10)) ? new Date(withUtcDefault(part)) : undefined
  if (!time || Number.isNaN(time.getTime())) {
    throw new RowRefusal(`sale_price_effective_date "${whole}": "${part}" is not an ISO 8601 time.`)
  }
  return time.toISOString()
}

// Date.parse rolls "2025-02-30" over into March instead of refusing it.
function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const calendar = new Date(Date.UTC(year, month - 1, day))
  return calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day
}

function withUtcDefault(part: string): string {
  if (!part.includes('T')) return `${part}T00:00Z`
  const offset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/.exec(part.slice(part.indexOf('T') + 3))
  if (!offset) return `${part}Z`
  // Date.parse wants "+hh:mm"; ISO 8601 also allows "+hhmm" and "+hh".
  const sign = offset[0]
  if (sign === 'Z' || sign.length === 6) return part
  const hours = sign.slice(0, 3)
  const minutes = sign.length === 5 ? sign.slice(3) : '00'
  return `${part.slice(0, part.length - sign.length)}${hours}:${minutes}`
}
