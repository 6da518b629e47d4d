import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DatabaseTarget } from '../../web/src/lib/database/database.ts'
import { type PostgresServer, startPostgres } from './postgresServer.ts'

/**
 * The two places clicks can be kept, for tests that must pass on both: PGlite in a temporary
 * folder, and a throwaway PostgreSQL 15 server.
 */
export type DatabaseKind = DatabaseTarget['kind']
export const databaseKinds: DatabaseKind[] = ['pglite', 'postgres']

export interface TestDatabase {
  target: DatabaseTarget
  /** Only for PostgreSQL: the server, to stop and start it. */
  server?: PostgresServer
  /** Environment for `next start` to use this database. */
  env: Record<string, string>
  destroy(): Promise<void>
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'postgres') {
    const server = await startPostgres()
    return {
      target: { kind: 'postgres', url: server.url },
      server,
      env: { DATABASE_URL: server.url },
      destroy: () => server.destroy(),
    }
  }
  const folder = await mkdtemp(join(tmpdir(), 'clicks-pglite-'))
  // Not made yet, as web/.data/clicks is not on a fresh clone: the site makes the folders it needs.
  const dataDir = join(folder, '.data', 'clicks')
  return {
    target: { kind: 'pglite', dataDir },
    env: { CLICKS_DATA_DIR: dataDir },
    destroy: () => rm(folder, { recursive: true, force: true }),
  }
}
