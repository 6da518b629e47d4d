import type { ClickEvent } from './clickEvent'

/**
 * Clicks wait here, in memory, so the redirect never waits on the database. A timer writes them in
 * batches; a failed write keeps them and retries with a growing pause. When the queue is full
 * (the database down for a while), further clicks are dropped and counted, and the count is written
 * with the next batch that lands. A crash loses at most what is held here.
 */
export interface ClickQueueOptions {
  write(events: readonly ClickEvent[], dropped: number): Promise<void>
  capacity?: number
  batchSize?: number
  intervalMs?: number
  maxBackoffMs?: number
  onError?(error: unknown): void
}

export interface ClickQueue {
  /** Never throws, never waits: false when the click was dropped. */
  add(event: ClickEvent): boolean
  /** Writes everything held, retrying until it lands or the deadline passes; true when nothing is left. */
  drain(deadlineMs?: number): Promise<boolean>
  stats(): { held: number; droppedUnwritten: number; droppedTotal: number; failedWrites: number }
  stop(): void
}

export function createClickQueue(options: ClickQueueOptions): ClickQueue {
  const capacity = options.capacity ?? 50_000
  const batchSize = options.batchSize ?? 1000
  const intervalMs = options.intervalMs ?? 1000
  const maxBackoffMs = options.maxBackoffMs ?? 30_000
  let held: ClickEvent[] = []
  let droppedUnwritten = 0
  let droppedTotal = 0
  let failedWrites = 0
  let backoffMs = 0
  let retryAt = 0
  let writing: Promise<boolean> | null = null

  /** One batch; false when the write failed (the batch goes back to the front). */
  async function writeOnce(): Promise<boolean> {
    const batch = held.slice(0, batchSize)
    const dropped = droppedUnwritten
    if (batch.length === 0 && dropped === 0) return true
    held = held.slice(batch.length)
    droppedUnwritten = 0
    try {
      await options.write(batch, dropped)
      backoffMs = 0
      return true
    } catch (error) {
      held = batch.concat(held)
      droppedUnwritten += dropped
      failedWrites += 1
      backoffMs = Math.min(maxBackoffMs, backoffMs === 0 ? intervalMs : backoffMs * 2)
      retryAt = Date.now() + backoffMs
      options.onError?.(error)
      return false
    }
  }

  function writeAll(): Promise<boolean> {
    if (!writing) {
      writing = (async () => {
        while (held.length > 0 || droppedUnwritten > 0) {
          if (!(await writeOnce())) return false
        }
        return true
      })().finally(() => {
        writing = null
      })
    }
    return writing
  }

  const timer = setInterval(() => {
    if (Date.now() >= retryAt) void writeAll()
  }, intervalMs)
  timer.unref()

  return {
    add(event) {
      if (held.length >= capacity) {
        droppedUnwritten += 1
        droppedTotal += 1
        return false
      }
      held.push(event)
      return true
    },
    async drain(deadlineMs = 10_000) {
      const deadline = Date.now() + deadlineMs
      while (Date.now() < deadline) {
        if (await writeAll()) return true
        await new Promise((resolve) => setTimeout(resolve, Math.min(500, Math.max(0, deadline - Date.now()))))
      }
      return held.length === 0 && droppedUnwritten === 0
    },
    stats: () => ({ held: held.length, droppedUnwritten, droppedTotal, failedWrites }),
    stop() {
      clearInterval(timer)
    },
  }
}
