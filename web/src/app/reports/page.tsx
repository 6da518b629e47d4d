import type { Metadata } from 'next'
import { cookies } from 'next/headers'
import button from '@/components/Button.module.css'
import { ClicksChart } from '@/components/reports/ClicksChart'
import headingRow from '@/components/reports/HeadingRow.module.css'
import { ReportTableView } from '@/components/reports/ReportTableView'
import { clickRecording } from '@/lib/clicks/clickRecording'
import { type HeldChange, heldChangeById } from '@/lib/feeds/feedImportStore'
import { type DayRange, dailyTotals, rangeTotals } from '@/lib/reports/clickReports'
import { defaultRange, parseDayRange } from '@/lib/reports/dateRange'
import { sessionCookieName, sessionTokenValid } from '@/lib/reports/reportsAccess'
import { reportsSettings } from '@/lib/reports/reportsSettings'
import { reportsDatabase, reportTable } from '@/lib/reports/reportTables'
import styles from './page.module.css'

export const metadata: Metadata = {
  title: 'Click reports',
  robots: { index: false, follow: false },
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * /reports: partner clicks, filtered requests, dropped clicks and link checks, for whoever holds
 * REPORTS_SECRET. Never in the sitemap, never indexed; everything is rendered on the server.
 */
export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const settings = reportsSettings()
  const query = await searchParams
  if (!settings.secret) return <ReportsOff />
  const token = (await cookies()).get(sessionCookieName)?.value
  if (!(await sessionTokenValid(token, settings.secret))) return <SignIn status={single(query.signin)} />

  const parsed = parseDayRange({ from: single(query.from), to: single(query.to) })
  const range = parsed.ok ? parsed.range : defaultRange()
  return (
    <div className={styles.reports}>
      <div className={headingRow.headingRow}>
        <h1>Click reports</h1>
        <form method="post" action="/reports/sign-out">
          <button type="submit" className={`${button.button} ${button.secondary}`}>
            Sign out
          </button>
        </form>
      </div>
      <form method="get" action="/reports" className={styles.range}>
        <label>
          From <input type="date" name="from" defaultValue={range.from} required />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={range.to} required />
        </label>
        <button type="submit" className={button.button}>
          Show
        </button>
      </form>
      {parsed.ok ? null : (
        <p role="alert" className={styles.error}>
          That range could not be used ({parsed.message}); showing the last 30 days instead.
        </p>
      )}
      <ReportBody range={range} decided={Number(single(query.decided)) || undefined} />
    </div>
  )
}

async function ReportBody({ range, decided }: { range: DayRange; decided: number | undefined }) {
  const recording = clickRecording()
  let content: Awaited<ReturnType<typeof loadReport>>
  try {
    content = await loadReport(range)
  } catch (error) {
    console.error(`[reports] ${error instanceof Error ? error.message : String(error)}`)
    return (
      <p role="alert" className={styles.error}>
        The click database is not reachable right now. Clicks are held in memory meanwhile
        {recording ? ` (${recording.stats().held} now)` : ''}; try again in a minute.
      </p>
    )
  }
  const { totals, days, tables } = content
  const decision = decided === undefined ? undefined : await heldChangeById(await reportsDatabase(), decided)
  const stats = recording?.stats()
  return (
    <>
      {recording && !recording.enabled ? <p>Click recording is off on this server (CLICKS_RECORDING=off).</p> : null}
      <dl className={styles.totals} data-testid="report-totals">
        <div>
          <dt>Clicks</dt>
          <dd data-total="clicks">{totals.clicks}</dd>
        </div>
        <div>
          <dt>Filtered (HEAD, prefetch, bots)</dt>
          <dd data-total="filtered">{totals.filtered}</dd>
        </div>
        <div>
          <dt>Dropped (database down, queue full)</dt>
          <dd data-total="dropped">{totals.dropped + (stats?.droppedUnwritten ?? 0)}</dd>
        </div>
        <div>
          <dt>Waiting to be written</dt>
          <dd data-total="held">{stats?.held ?? 0}</dd>
        </div>
      </dl>
      <ClicksChart days={days} />
      <ReportTableView table={tables.daily} range={range} empty="No days in this range." />
      <div className={styles.grid}>
        <ReportTableView table={tables.devices} range={range} empty="No clicks in this range." />
        <ReportTableView table={tables.partners} range={range} empty="No clicks in this range." />
        <ReportTableView table={tables['page-kinds']} range={range} empty="No clicks in this range." />
      </div>
      <ReportTableView table={tables.offers} range={range} empty="No clicks in this range." />
      <ReportTableView
        table={tables['broken-offers']}
        range={range}
        empty="No broken links in the last checks (run pnpm links:check, or schedule it; see the README)."
      />
      <ReportTableView table={tables['stale-prices']} range={range} empty="Every price was checked recently." />
      <h2 className={styles.part}>Partner feeds</h2>
      {decision ? <HeldDecisionNotice decision={decision} /> : null}
      <ReportTableView table={tables['held-prices']} range={range} empty="No feed price is waiting for an editor." />
      <ReportTableView
        table={tables['feed-imports']}
        range={range}
        empty="No feed import has run yet (pnpm feeds:import, or schedule POST /api/feeds/import; see the README)."
      />
      <ReportTableView
        table={tables['unmatched-items']}
        range={range}
        empty="Every item of the last imports matched an offer."
      />
      <ReportTableView table={tables['refused-items']} range={range} empty="No row of the last imports was refused." />
      <p>
        <a href={`/api/reports/clicks?from=${range.from}&to=${range.to}`} download data-testid="csv-clicks">
          Download every click count (by day, offer and kind of page) as CSV
        </a>
      </p>
    </>
  )
}

async function loadReport(range: DayRange) {
  const db = await reportsDatabase()
  const [totals, days, ...tables] = await Promise.all([
    rangeTotals(db, range),
    dailyTotals(db, range),
    ...(
      [
        'daily',
        'devices',
        'partners',
        'page-kinds',
        'offers',
        'broken-offers',
        'stale-prices',
        'held-prices',
        'feed-imports',
        'unmatched-items',
        'refused-items',
      ] as const
    ).map(async (name) => [name, await reportTable(db, name, range, { limit: name === 'daily' ? null : 20 })] as const),
  ])
  const byName = Object.fromEntries(tables.map(([name, table]) => [name, table!])) as Record<
    (typeof tables)[number][0],
    NonNullable<(typeof tables)[number][1]>
  >
  return { totals, days, tables: byName }
}

const decisionWords: Record<HeldChange['status'], string> = {
  held: 'is still held',
  approved: 'was approved and applied',
  rejected: 'was rejected',
  superseded: 'was not applied',
}

/** What became of the held price an editor just decided on, read back from the database. */
function HeldDecisionNotice({ decision }: { decision: HeldChange }) {
  return (
    <p role="status" data-testid="held-decision" data-status={decision.status}>
      The feed price {decision.proposedPrice} {decision.currency} for {decision.deviceName}{' '}
      {decisionWords[decision.status]}
      {decision.decisionDetail ? `: ${decision.decisionDetail}` : '.'}
    </p>
  )
}

function ReportsOff() {
  return (
    <div className={styles.reports}>
      <h1>Click reports are off</h1>
      <p>
        To turn them on, set <code>REPORTS_SECRET</code> on the server (in <code>web/.env.local</code> or your
        host&apos;s environment) to a long random string of at least 16 characters, for example the output of{' '}
        <code>openssl rand -base64 32</code>, and restart the site. Then sign in here with that secret.
      </p>
    </div>
  )
}

const signInMessages: Record<string, string> = {
  wrong: 'That secret is not right.',
  limited: 'Too many wrong secrets in the last minute. Wait a minute, then try again.',
  out: 'You are signed out.',
}

function SignIn({ status }: { status: string | undefined }) {
  const message = status ? signInMessages[status] : undefined
  return (
    <div className={styles.reports}>
      <h1>Sign in to the click reports</h1>
      {message ? (
        <p role={status === 'out' ? 'status' : 'alert'} className={status === 'out' ? undefined : styles.error}>
          {message}
        </p>
      ) : null}
      <form method="post" action="/reports/sign-in" className={styles.signIn}>
        <label htmlFor="reports-secret">Reports secret</label>
        <input id="reports-secret" name="secret" type="password" autoComplete="current-password" required />
        <button type="submit" className={button.button}>
          Sign in
        </button>
      </form>
    </div>
  )
}
