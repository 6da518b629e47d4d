import { chartDays, type PriceHistoryRow } from '@microneedling/content/priceHistory'
import { clickRecording } from '../clicks/clickRecording'
import { warnOnce } from './onceLogged'
import { priceHistoryOf } from './priceHistoryOf'

/** A slow database must never hold up a page: past this, the page renders without price history. */
const readTimeoutMs = 500
const dayMs = 86_400_000
const noHistory: ReadonlyMap<string, PriceHistoryRow[]> = new Map()

/**
 * A device's price history, for its page, per offer key. Empty when this process has no database
 * (while `next build` prerenders, PGlite belonging to the server process alone), when it cannot be
 * reached in time, or when nothing was recorded: the page then shows no chart and no claim.
 */
export async function devicePriceHistory(deviceId: string, now: Date): Promise<ReadonlyMap<string, PriceHistoryRow[]>> {
  const recording = clickRecording()
  if (!recording) return noHistory
  const since = new Date(now.getTime() - chartDays * dayMs)
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${readTimeoutMs} ms`)), readTimeoutMs)
  })
  try {
    return await Promise.race([recording.database().then((db) => priceHistoryOf(db, deviceId, { since })), timeout])
  } catch (error) {
    warnOnce(
      'read',
      `[prices] a device page is shown without price history: ${error instanceof Error ? error.message : String(error)}`,
    )
    return noHistory
  } finally {
    clearTimeout(timer)
  }
}
