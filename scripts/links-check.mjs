// `pnpm links:check`: asks the running site to check every offer's link (POST /api/links/check),
// since the site owns the click database (PGlite allows one process at a time). Reads
// REPORTS_SECRET and the site's address from the environment or web/.env.local.
import { existsSync } from 'node:fs'

const envFile = new URL('../web/.env.local', import.meta.url)
if (existsSync(envFile)) process.loadEnvFile(envFile)

const secret = process.env.REPORTS_SECRET
const site = (process.env.LINKS_CHECK_SITE_URL || process.env.NEXT_PUBLIC_SITE_URL || 'http://localhost:3000').replace(
  /\/+$/,
  '',
)
if (!secret) {
  console.error('REPORTS_SECRET is not set: the link checks need it (the same value the site has).')
  process.exit(2)
}

let response
try {
  response = await fetch(`${site}/api/links/check`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}` },
    signal: AbortSignal.timeout(15 * 60 * 1000),
  })
} catch (error) {
  console.error(`Could not reach the site at ${site} (${error.cause?.code ?? error.message}). Is it running?`)
  process.exit(2)
}
if (!response.ok) {
  console.error(`The site answered ${response.status}: ${(await response.text()).trim()}`)
  process.exit(2)
}
const summary = await response.json()
console.log(
  `Checked ${summary.checked} offer links: ${summary.ok} ok, ${summary['redirected-elsewhere']} redirected elsewhere, ${summary.broken} broken, ${summary['timed-out']} timed out.`,
)
for (const problem of summary.problems) {
  console.log(`  ${problem.outcome}: ${problem.device}/${problem.offer} (${problem.detail ?? problem.status ?? ''})`)
}
// Problems are reported, not failures of the check itself: exit 1 so a scheduler can alert on them.
process.exit(summary.problems.length > 0 ? 1 : 0)
