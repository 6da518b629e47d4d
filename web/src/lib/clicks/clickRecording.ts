import { resolve } from 'node:path'
import { type Database, type DatabaseTarget, openDatabase } from '../database/database'
import { migrate } from '../database/migrate'
import type { ClickEvent } from './clickEvent'
import { type ClickQueue, createClickQueue } from './clickQueue'
import { rollUpAndExpire, utcDay, writeClicks } from './clickStore'

/**
 * One per server process: the click queue and the database it writes to. Created at start-up
 * (instrumentation.ts) and kept on globalThis, because the proxy, route handlers and pages are
 * separate bundles that would otherwise each get their own copy (and PGlite allows one opener).
 */
export interface ClickRecording {
  readonly enabled: boolean
  readonly target: DatabaseTarget
  record(event: ClickEvent): void
  stats(): ReturnType<ClickQueue['stats']>
  /** The database, connected and migrated; rejects while it cannot be reached. */
  database(): Promise<Database>
  /** Writes every held click (up to the deadline), then closes the database. */
  shutdown(deadlineMs?: number): Promise<boolean>
}

export interface ClickRecordingSettings {
  target: DatabaseTarget
  enabled: boolean
  retentionDays: number
  queue?: { capacity?: number; batchSize?: number; intervalMs?: number; maxBackoffMs?: number }
}

const globalKey = Symbol.for('needle-notes.clickRecording')
type WithRecording = typeof globalThis & { [globalKey]?: ClickRecording }

/** The process's recording, or undefined before start-up made one (e.g. while `next build` renders). */
export function clickRecording(): ClickRecording | undefined {
  return (globalThis as WithRecording)[globalKey]
}

export function startClickRecording(settings: ClickRecordingSettings): ClickRecording {
  const existing = clickRecording()
  if (existing) return existing
  const recording = createClickRecording(settings)
  ;(globalThis as WithRecording)[globalKey] = recording
  return recording
}

const rollUpEveryMs = 60 * 60 * 1000

export function createClickRecording(settings: ClickRecordingSettings): ClickRecording {
  let connecting: Promise<Database> | null = null
  let closed = false

  function database(): Promise<Database> {
    if (closed) return Promise.reject(new Error('click recording has shut down'))
    if (!connecting) {
      connecting = (async () => {
        const db = await openDatabase(settings.target)
        try {
          await migrate(db)
          await rollUpAndExpire(db, utcDay(new Date()), settings.retentionDays)
        } catch (error) {
          await db.close().catch(() => undefined)
          throw error
        }
        return db
      })()
      // A database that cannot be reached now is tried again at the next write.
      connecting.catch(() => {
        connecting = null
      })
    }
    return connecting
  }

  let lastError = ''
  const queue = createClickQueue({
    ...settings.queue,
    write: async (events, dropped) => writeClicks(await database(), events, dropped),
    onError(error) {
      const message = error instanceof Error ? error.message : String(error)
      // One line per kind of failure, not one per retry.
      if (message !== lastError) console.error(`[clicks] could not write clicks, holding them: ${message}`)
      lastError = message
    },
  })

  const rollUpTimer = setInterval(() => {
    database()
      .then((db) => rollUpAndExpire(db, utcDay(new Date()), settings.retentionDays))
      .catch((error) => console.error(`[clicks] roll-up failed: ${error instanceof Error ? error.message : error}`))
  }, rollUpEveryMs)
  rollUpTimer.unref()

  if (settings.enabled) {
    // Connect and migrate at start, so the first clicks do not wait for it and a bad setting shows early.
    database().catch((error) =>
      console.error(`[clicks] database not reachable yet: ${error instanceof Error ? error.message : error}`),
    )
  }

  return {
    enabled: settings.enabled,
    target: settings.target,
    record(event) {
      if (settings.enabled && !closed) queue.add(event)
    },
    stats: () => queue.stats(),
    database,
    async shutdown(deadlineMs = 10_000) {
      clearInterval(rollUpTimer)
      const drained = await queue.drain(deadlineMs)
      queue.stop()
      const held = queue.stats().held
      if (!drained) console.error(`[clicks] shutting down with ${held} clicks unwritten (database unreachable)`)
      closed = true
      if (connecting) await (await connecting.catch(() => null))?.close().catch(() => undefined)
      return drained
    },
  }
}

/** PGlite in CLICKS_DATA_DIR (default web/.data/clicks) unless DATABASE_URL names a server. */
export function databaseTarget(environment: { DATABASE_URL?: string; CLICKS_DATA_DIR?: string }): DatabaseTarget {
  if (environment.DATABASE_URL) return { kind: 'postgres', url: environment.DATABASE_URL }
  // A folder chosen at run time: not a file of the build, so the build's file tracing skips it.
  return { kind: 'pglite', dataDir: resolve(/* turbopackIgnore: true */ environment.CLICKS_DATA_DIR ?? '.data/clicks') }
}
