import { z } from 'zod'
import type { DayRange } from './clickReports'

/** The longest range a report or export covers, as long as clicks are kept by default. */
export const maxRangeDays = 400
export const defaultRangeDays = 30

const day = z.iso.date({ error: 'must be a date written YYYY-MM-DD' })
const dayNumber = (value: string) => Date.parse(`${value}T00:00:00Z`) / 86_400_000

export const dayRangeSchema = z
  .object({ from: day, to: day })
  .refine((range) => range.from <= range.to, { error: '"from" must not be after "to"', path: ['from'] })
  .refine((range) => dayNumber(range.to) - dayNumber(range.from) + 1 <= maxRangeDays, {
    error: `the range must cover at most ${maxRangeDays} days`,
    path: ['to'],
  })

export function defaultRange(now: Date = new Date()): DayRange {
  const to = now.toISOString().slice(0, 10)
  const from = new Date(now.getTime() - (defaultRangeDays - 1) * 86_400_000).toISOString().slice(0, 10)
  return { from, to }
}

export type RangeResult = { ok: true; range: DayRange } | { ok: false; message: string }

/**
 * The range in a query string. Both absent means the default (the last 30 days); anything else
 * must be a valid range, or the message says what is wrong.
 */
export function parseDayRange(
  query: { from?: string | null; to?: string | null },
  now: Date = new Date(),
): RangeResult {
  if (!query.from && !query.to) return { ok: true, range: defaultRange(now) }
  const result = dayRangeSchema.safeParse({ from: query.from ?? undefined, to: query.to ?? undefined })
  if (result.success) return { ok: true, range: result.data }
  const message = result.error.issues
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ')
  return { ok: false, message }
}
