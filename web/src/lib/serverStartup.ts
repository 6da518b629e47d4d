import { databaseTarget, startClickRecording } from './clicks/clickRecording'
import { writeClicksBeforeExit } from './clicks/exitAfterWriting'
import { parseSiteEnvironment, type SiteEnvironment } from './env/environmentSchema'
import { installUnavailableResponses } from './outage/unavailableResponses'

/**
 * 1. The configuration is parsed: a missing or malformed variable stops the server here, with one
 *    error that names every problem, instead of surfacing as broken pages later. (Next.js would
 *    log a throwing register() and keep answering every request with an error, so this exits.)
 * 2. Requests whose content cannot be read are answered 503 "temporarily unavailable" rather than
 *    500 (see outage/unavailableResponses.ts).
 * 3. Click recording starts: the database is opened and migrated, and the clicks held in memory
 *    are written before the process exits on SIGTERM/SIGINT.
 * 4. With REDIS_URL, the cache and state shared with the other servers (sharedStore/startSharing.ts).
 */
export async function startServer(): Promise<void> {
  let environment: SiteEnvironment
  try {
    environment = parseSiteEnvironment(process.env)
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
  installUnavailableResponses()
  // Imported only now: what it reads parses the environment when first loaded, which must not
  // throw before the check above has explained the problem and stopped the server.
  const { startSharing } = await import('./sharedStore/startSharing')
  startSharing()
  const recording = startClickRecording({
    target: databaseTarget(environment),
    enabled: environment.CLICKS_RECORDING !== 'off',
    retentionDays: environment.CLICKS_RETENTION_DAYS ?? 400,
  })
  writeClicksBeforeExit(recording)
}
