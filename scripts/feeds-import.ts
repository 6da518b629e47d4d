// `pnpm feeds:import [--partner <slug>] [--file <path>] [--format <format>] [--apply] [--all] [--json]`:
// asks the running site to import partner feeds (POST /api/feeds/import), since the site owns the
// database that keeps each run, the held prices and the price history (PGlite allows one process).
// Without --apply it only shows what would change; with it, each feed is read only when its refresh
// interval has passed, unless --all. --file sends a feed from this machine instead of the
// partner's own address. Reads REPORTS_SECRET and the site's address from the environment
// or web/.env.local.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { Readable } from 'node:stream'
import { parseArgs } from 'node:util'

type Field = { field: string; before: unknown; after: unknown }
type Report = {
  partner: string
  outcome: 'applied' | 'planned' | 'unchanged' | 'failed'
  detail?: string
  summary?: Record<string, number>
  changes?: { device: string; offer: string; cause: string; fields: Field[]; notApplied?: string }[]
  held?: { device: string; offer: string; reason: string }[]
  refused?: { row?: number; itemId?: string; reason: string }[]
  unmatched?: { itemId: string; title?: string; row?: number }[]
  missing?: { deviceName: string; offerKey: string; reason: string }[]
  warnings?: string[]
}

const usage =
  'Usage: pnpm feeds:import [--partner <slug>] [--file <path>] [--format <format>] [--apply] [--all] [--json]'
let options: {
  partner?: string
  file?: string
  format?: string
  apply?: boolean
  all?: boolean
  json?: boolean
  help?: boolean
}
try {
  options = parseArgs({
    options: {
      partner: { type: 'string' },
      file: { type: 'string' },
      format: { type: 'string' },
      apply: { type: 'boolean' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`)
  process.exit(2)
}
if (options.help) {
  console.log(usage)
  process.exit(0)
}
if (options.file && !options.partner) {
  console.error(`--file needs --partner: the feed is read as that partner's.\n${usage}`)
  process.exit(2)
}
if (options.file && !(existsSync(options.file) && statSync(options.file).isFile())) {
  console.error(`${options.file} is not a file.`)
  process.exit(2)
}

const envFile = new URL('../web/.env.local', import.meta.url)
if (existsSync(envFile)) process.loadEnvFile(envFile)
const secret = process.env.REPORTS_SECRET
const site = (process.env.FEEDS_IMPORT_SITE_URL || process.env.NEXT_PUBLIC_SITE_URL || 'http://localhost:3000').replace(
  /\/+$/,
  '',
)
if (!secret) {
  console.error('REPORTS_SECRET is not set: feed imports need it (the same value the site has).')
  process.exit(2)
}

const address = new URL('/api/feeds/import', site)
if (options.partner) address.searchParams.set('partner', options.partner)
if (options.format) address.searchParams.set('format', options.format)
if (options.apply) address.searchParams.set('apply', '1')
if (options.all) address.searchParams.set('all', '1')

let response: Response
try {
  response = await fetch(address, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${secret}`,
      // A file's length is known: sent with it, the body streams without chunked encoding.
      'content-length': options.file ? String(statSync(options.file).size) : '0',
      ...(options.file ? { 'content-type': 'application/octet-stream' } : {}),
    },
    ...(options.file
      ? { body: Readable.toWeb(createReadStream(options.file)) as ReadableStream, duplex: 'half' as const }
      : {}),
    signal: AbortSignal.timeout(30 * 60 * 1000),
  })
} catch (error) {
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message
  console.error(`Could not reach the site at ${site} (${cause}). Is it running?`)
  process.exit(2)
}
if (!response.ok) {
  console.error(`The site answered ${response.status}: ${(await response.text()).trim()}`)
  process.exit(2)
}
const answer = (await response.json()) as {
  apply: boolean
  imports: Report[]
  notDue: { partner: string; lastRead: string; dueAt: string }[]
}
if (options.json) {
  console.log(JSON.stringify(answer, null, 2))
} else {
  for (const report of answer.imports) printReport(report)
  for (const { partner, lastRead, dueAt } of answer.notDue) {
    console.log(`\n${partner}: not due (read ${lastRead}; next at ${dueAt}, or run with --all)`)
  }
  if (!answer.apply) console.log('\nNothing was written: run again with --apply to make these changes.')
}
// A failed import is worth a scheduler's alert; held prices and refusals are the editors' to review.
process.exit(answer.imports.some((report) => report.outcome === 'failed') ? 1 : 0)

function printReport(report: Report): void {
  console.log(`\n${report.partner}: ${report.outcome}${report.detail ? ` (${report.detail})` : ''}`)
  const summary = report.summary
  if (summary) {
    console.log(
      `  ${summary.read} items read, ${summary.matched} matched, ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.held} held, ${summary.refused} refused, ${summary.unmatched} unmatched, ${summary.missing} missing`,
    )
  }
  for (const change of report.changes ?? []) {
    const fields = change.fields.filter((field) => field.field !== 'priceCheckedAt' && field.field !== 'feedCheckedAt')
    if (fields.length === 0 && change.notApplied === undefined) continue
    const moves = fields.map((field) => `${field.field} ${show(field.before)} → ${show(field.after)}`).join(', ')
    console.log(
      `  ${change.device} (${change.offer}): ${moves}${change.notApplied ? ` (not applied: ${change.notApplied})` : ''}`,
    )
  }
  for (const held of report.held ?? []) console.log(`  held: ${held.device} (${held.offer}): ${held.reason}`)
  for (const refused of report.refused ?? []) {
    console.log(
      `  refused${refused.row ? ` row ${refused.row}` : ''}${refused.itemId ? ` (${refused.itemId})` : ''}: ${refused.reason}`,
    )
  }
  for (const item of report.unmatched ?? []) {
    console.log(
      `  unmatched: ${item.itemId}${item.title ? ` ${item.title}` : ''}${item.row ? ` (row ${item.row})` : ''}`,
    )
  }
  for (const offer of report.missing ?? [])
    console.log(`  missing: ${offer.deviceName} (${offer.offerKey}): ${offer.reason}`)
  for (const warning of report.warnings ?? []) console.log(`  warning: ${warning}`)
}

function show(value: unknown): string {
  return value === null || value === undefined
    ? '(none)'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value)
}
