import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ClickEvent } from '@/lib/clicks/clickEvent'
import { type ClickQueue, createClickQueue } from '@/lib/clicks/clickQueue'

const click = (n: number): ClickEvent => ({
  device: 'd',
  offer: `o${n}`,
  partner: 'P',
  pageKind: 'device',
  at: new Date('2026-03-01T00:00:00Z'),
  filtered: false,
})

let queue: ClickQueue | undefined
afterEach(() => {
  queue?.stop()
  vi.useRealTimers()
})

describe('createClickQueue', () => {
  it('writes held clicks in batches on its timer, without the caller waiting', async () => {
    vi.useFakeTimers()
    const batches: number[] = []
    queue = createClickQueue({ write: async (events) => void batches.push(events.length), batchSize: 2 })
    for (let n = 0; n < 5; n++) expect(queue.add(click(n))).toBe(true)
    expect(batches).toEqual([])
    await vi.advanceTimersByTimeAsync(1000)
    expect(batches).toEqual([2, 2, 1])
    expect(queue.stats().held).toBe(0)
  })

  it('keeps a failed batch and retries it with a growing pause, in order', async () => {
    vi.useFakeTimers()
    const written: string[] = []
    let down = true
    const attempts: number[] = []
    queue = createClickQueue({
      intervalMs: 100,
      write: async (events) => {
        attempts.push(Date.now())
        if (down) throw new Error('database down')
        written.push(...events.map((event) => event.offer))
      },
    })
    queue.add(click(1))
    queue.add(click(2))
    await vi.advanceTimersByTimeAsync(1000)
    // Pauses of 100, 200, 400 ms: fewer attempts than timer ticks.
    expect(attempts.length).toBeGreaterThan(1)
    expect(attempts.length).toBeLessThan(6)
    expect(queue.stats().held).toBe(2)
    down = false
    await vi.advanceTimersByTimeAsync(2000)
    expect(written).toEqual(['o1', 'o2'])
  })

  it('drops and counts clicks once full, and writes the count with the next batch', async () => {
    vi.useFakeTimers()
    let down = true
    const writes: { events: number; dropped: number }[] = []
    queue = createClickQueue({
      capacity: 3,
      intervalMs: 100,
      maxBackoffMs: 100,
      write: async (events, dropped) => {
        if (down) throw new Error('database down')
        writes.push({ events: events.length, dropped })
      },
    })
    const accepted = Array.from({ length: 5 }, (_, n) => queue!.add(click(n)))
    expect(accepted).toEqual([true, true, true, false, false])
    expect(queue.stats()).toMatchObject({ held: 3, droppedUnwritten: 2, droppedTotal: 2 })
    await vi.advanceTimersByTimeAsync(500)
    down = false
    await vi.advanceTimersByTimeAsync(500)
    expect(writes).toEqual([{ events: 3, dropped: 2 }])
    expect(queue.stats()).toMatchObject({ held: 0, droppedUnwritten: 0, droppedTotal: 2 })
  })

  it('drain writes everything held before resolving, and gives up at its deadline', async () => {
    const written: string[] = []
    queue = createClickQueue({
      intervalMs: 60_000,
      batchSize: 10,
      write: async (events) => void written.push(...events.map((e) => e.offer)),
    })
    for (let n = 0; n < 25; n++) queue.add(click(n))
    expect(await queue.drain()).toBe(true)
    expect(written).toHaveLength(25)

    const stuck = createClickQueue({ intervalMs: 60_000, write: () => Promise.reject(new Error('down')) })
    stuck.add(click(1))
    expect(await stuck.drain(300)).toBe(false)
    expect(stuck.stats().held).toBe(1)
    stuck.stop()
  })
})
