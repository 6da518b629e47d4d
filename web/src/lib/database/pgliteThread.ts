import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Database, Queryable } from './database'

/**
 * PGlite runs PostgreSQL as WebAssembly, synchronously, on the thread that calls it: opening a data
 * folder takes seconds, and a large insert tens of milliseconds. Run on the server's main thread,
 * that would hold up every request, redirects included. So it runs in a worker thread, and this
 * side only posts queries to it. One connection: a transaction holds it until it ends.
 */

// Plain CommonJS so it runs as is, whatever bundles the rest of the server.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const { PGlite } = require(workerData.pglitePath)
const opening = PGlite.create(workerData.dataDir).then(async (db) => {
  await db.exec("set time zone 'UTC'")
  return db
})
opening.catch(() => {})
parentPort.on('message', async ({ id, op, sql, params }) => {
  try {
    const db = await opening
    let result = null
    if (op === 'query') result = (await db.query(sql, params)).rows
    else if (op === 'exec') await db.exec(sql)
    else if (op === 'close') await db.close()
    parentPort.postMessage({ id, result })
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error && error.message ? error.message : String(error), code: error && error.code } })
  }
})
`

/** Resolved from the server's working folder (web/), where the package is installed, not from the bundle. */
function pglitePath(): string {
  return createRequire(join(process.cwd(), 'package.json')).resolve('@electric-sql/pglite')
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

export async function openPgliteThread(dataDir: string): Promise<Database> {
  // PGlite makes only the last folder of the path: on a fresh clone web/.data does not exist yet.
  await mkdir(dataDir, { recursive: true })
  const worker = new Worker(workerSource, { eval: true, workerData: { dataDir, pglitePath: pglitePath() } })
  // The worker alone must not keep a stopping server alive.
  worker.unref()
  const pending = new Map<number, Pending>()
  let nextId = 0
  let failure: Error | null = null
  worker.on('message', (message: { id: number; result?: unknown; error?: { message: string; code?: string } }) => {
    const waiting = pending.get(message.id)
    pending.delete(message.id)
    if (!waiting) return
    if (message.error) waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }))
    else waiting.resolve(message.result)
  })
  const failAll = (error: Error) => {
    failure = error
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  worker.on('error', failAll)
  worker.on('exit', (code) => failAll(new Error(`the PGlite thread stopped (exit ${code})`)))

  const call = (op: 'query' | 'exec' | 'close', sql = '', params: unknown[] = []) =>
    new Promise<unknown>((resolve, reject) => {
      if (failure) return reject(failure)
      const id = nextId++
      pending.set(id, { resolve, reject })
      worker.postMessage({ id, op, sql, params })
    })

  // One connection: whoever holds it (one statement, or one whole transaction) goes first.
  let queue: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work)
    queue = run.catch(() => undefined)
    return run
  }
  const direct: Queryable = {
    query: async <Row>(sql: string, params: unknown[] = []) => (await call('query', sql, params)) as Row[],
    exec: async (sql: string) => {
      await call('exec', sql)
    },
  }

  // Opening (initdb on a new folder) happens here, so a bad folder fails openDatabase.
  await direct.query('select 1')
  return {
    kind: 'pglite',
    query: (sql, params) => exclusive(() => direct.query(sql, params)),
    exec: (sql) => exclusive(() => direct.exec(sql)),
    transaction: (work) =>
      exclusive(async () => {
        await direct.exec('begin')
        try {
          const result = await work(direct)
          await direct.exec('commit')
          return result
        } catch (error) {
          await direct.exec('rollback').catch(() => undefined)
          throw error
        }
      }),
    async close() {
      await exclusive(() => call('close'))
      await worker.terminate()
    },
  }
}
