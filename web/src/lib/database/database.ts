import pg from 'pg'
import { openPgliteThread } from './pgliteThread'

/**
 * The one interface the click store, the reports and the link checks use, over either an embedded
 * PGlite (WASM PostgreSQL in a data folder, run in a worker thread) or a PostgreSQL server through `pg`. Both speak the
 * same SQL; every session runs in UTC so days mean the same thing on both.
 */
export interface Queryable {
  /** One statement with $1… parameters; the rows it returns. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface Database extends Queryable {
  kind: 'pglite' | 'postgres'
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string }

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'pglite' ? openPgliteThread(target.dataDir) : openPostgres(target.url)
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    // A server that is down must fail a write quickly, so the queue can retry, not hang it.
    connectionTimeoutMillis: 3000,
    query_timeout: 10_000,
    idleTimeoutMillis: 10_000,
    options: '-c TimeZone=UTC',
  })
  // An idle connection the server closes (restart, outage) must not crash the site.
  pool.on('error', (error) => console.warn(`[clicks] database connection lost: ${error.message}`))
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as Row[]
    },
    async exec(sql: string) {
      await client.query(sql)
    },
  })
  // Fail at start, as PGlite does, when the server cannot be reached.
  await pool.query('select 1')
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await work(wrap(client))
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
