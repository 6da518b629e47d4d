import { describe, expect, it } from 'vitest'
import { feedDueAt, feedIsDue } from '@/lib/feeds/feedSchedule'

describe('when a partner’s feed is due', () => {
  const lastRead = new Date('2026-11-24T06:00:00Z')

  it('is due when it was never read to the end', () => {
    expect(feedIsDue(undefined, 6, lastRead)).toBe(true)
    expect(feedDueAt(undefined, 6)).toBeUndefined()
  })

  it('is due its refresh interval after the last completed read, not before', () => {
    expect(feedDueAt(lastRead, 6)).toEqual(new Date('2026-11-24T12:00:00Z'))
    expect(feedIsDue(lastRead, 6, new Date('2026-11-24T11:59:59Z'))).toBe(false)
    expect(feedIsDue(lastRead, 6, new Date('2026-11-24T12:00:00Z'))).toBe(true)
  })

  it('counts 24 hours when the partner names no interval, as the Studio does', () => {
    expect(feedDueAt(lastRead, undefined)).toEqual(new Date('2026-11-25T06:00:00Z'))
    expect(feedDueAt(lastRead, null)).toEqual(new Date('2026-11-25T06:00:00Z'))
  })
})
