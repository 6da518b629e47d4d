import { parseSiteEnvironment } from './siteEnvironment'
import { installUnavailableResponses } from './unavailableResponses'

/**
 * 1. The configuration is parsed: a missing or malformed variable stops the server here, with one
 *    error that names every problem, instead of surfacing as broken pages later. (Next.js would
 *    log a throwing register() and keep answering every request with an error, so this exits.)
 * 2. Requests whose content cannot be read are answered 503 "temporarily unavailable" rather than
 *    500 (see unavailableResponses.ts).
 */
export function startServer(): void {
  try {
    parseSiteEnvironment(process.env)
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
  installUnavailableResponses()
}
