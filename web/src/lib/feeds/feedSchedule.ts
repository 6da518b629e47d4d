import { feedRefreshHoursLimits } from '@microneedling/content/vocabulary'

const hourMs = 3_600_000

/**
 * When a partner's feed is next due: its last completed read plus its refresh interval (the
 * Studio's default when it names none). A scheduler may call the import every hour; each feed is
 * then read as often as its partner says, and a failed read does not count, so it is tried again.
 */
export function feedDueAt(lastRead: Date | undefined, refreshHours: number | null | undefined): Date | undefined {
  if (!lastRead) return undefined
  return new Date(lastRead.getTime() + (refreshHours ?? feedRefreshHoursLimits.default) * hourMs)
}

export function feedIsDue(lastRead: Date | undefined, refreshHours: number | null | undefined, now: Date): boolean {
  const due = feedDueAt(lastRead, refreshHours)
  return due === undefined || due.getTime() <= now.getTime()
}
