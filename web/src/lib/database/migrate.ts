import type { Database } from './database'
import { migrations as allMigrations, type Migration } from './migrations/index'

/** Any fixed number: every process that migrates this database takes the same lock. */
const migrationLock = 814_225_031

/**
 * Applies the migrations this database has not had, each in its own transaction that first takes
 * a transaction-scoped advisory lock: two processes starting at once apply each migration once,
 * and a failed one leaves no trace. Returns the versions applied now.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = allMigrations): Promise<number[]> {
  const applied: number[] = []
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [migrationLock])
      await tx.exec(
        'create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
      )
      const done = await tx.query('select 1 from schema_migrations where version = $1', [migration.version])
      if (done.length > 0) return false
      await tx.exec(migration.sql)
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ])
      return true
    })
    if (ran) applied.push(migration.version)
  }
  return applied
}
