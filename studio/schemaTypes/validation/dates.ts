import type { CustomValidator } from 'sanity'

/**
 * Dates that record something already done (a price checked, a review made) cannot be in the
 * future. A `date` field holds a calendar day ("2025-03-01") with no time zone, and the editor's
 * "today" may already be tomorrow in UTC, so the limit is the latest calendar day anywhere on
 * Earth right now (UTC+14).
 */

const latestTimeZoneOffsetMs = 14 * 60 * 60 * 1000

export function latestCalendarDayAnywhere(now: Date): string {
  return new Date(now.getTime() + latestTimeZoneOffsetMs).toISOString().slice(0, 10)
}

export function isDateInFuture(day: string, now: Date): boolean {
  return day.slice(0, 10) > latestCalendarDayAnywhere(now)
}

export function requirePastDate(describe: string): CustomValidator<string | undefined> {
  return (day) => {
    if (!day) return true
    return isDateInFuture(day, new Date()) ? `${describe} cannot be in the future (${day}).` : true
  }
}
