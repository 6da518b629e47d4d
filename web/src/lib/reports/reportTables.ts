import { stringify } from 'csv-stringify/sync'
import { priceMayHaveChanged } from '../catalogue/priceFreshness'
import { clickRecording } from '../clicks/clickRecording'
import { contentSource } from '../content/contentSource'
import type { Database, Queryable } from '../database/database'
import { currentOffers } from '../linkChecks/offersToCheck'
import { latestChecks } from '../linkChecks/runLinkChecks'
import { clickRows, type DayRange, type Dimension, dailyTotals, topBy } from './clickReports'
import { feedReportTable, isFeedReport } from './feedReports'
import { reportsSettings, studioEditUrl } from './reportsSettings'

/**
 * Every table the reports show, each also a CSV download (/api/reports/<name>). The column names
 * are the CSV header; `clicks` is the raw export the reports API documents.
 */
export interface ReportTable {
  name: string
  title: string
  columns: string[]
  rows: (string | number | null)[][]
  /** Per row, where the editor fixes it (a Studio edit link), for the tables that have one. */
  editLinks?: string[]
  /** Per row, where an approve or reject decision is posted, for the tables that ask for one. */
  decisions?: string[]
}

const dimensionTables: Record<string, { dimension: Dimension; title: string; columns: string[] }> = {
  devices: { dimension: 'device', title: 'Top devices', columns: ['device'] },
  offers: { dimension: 'offer', title: 'Top offers', columns: ['device', 'offer', 'partner'] },
  partners: { dimension: 'partner', title: 'Top partners', columns: ['partner'] },
  'page-kinds': { dimension: 'page_kind', title: 'Clicks by kind of page', columns: ['page_kind'] },
}

export async function reportTable(
  db: Queryable,
  name: string,
  range: DayRange,
  options: { limit?: number | null } = {},
): Promise<ReportTable | null> {
  const limit = options.limit ?? null
  if (name === 'clicks') {
    const rows = await clickRows(db, range)
    const columns = ['day', 'device', 'offer', 'partner', 'page_kind', 'clicks', 'filtered']
    return {
      name,
      title: 'Clicks by day, offer and kind of page',
      columns,
      rows: rows.map((row) => [row.day, row.device, row.offer, row.partner, row.page_kind, row.clicks, row.filtered]),
    }
  }
  if (name === 'daily') {
    const rows = await dailyTotals(db, range)
    return {
      name,
      title: 'Clicks per day',
      columns: ['day', 'clicks', 'filtered'],
      rows: rows.map((row) => [row.day, row.clicks, row.filtered]),
    }
  }
  const dimension = dimensionTables[name]
  if (dimension) {
    const rows = await topBy(db, range, dimension.dimension, limit)
    return {
      name,
      title: dimension.title,
      columns: [...dimension.columns, 'clicks', 'filtered'],
      rows: rows.map((row) => [...dimension.columns.map((column) => String(row[column])), row.clicks, row.filtered]),
    }
  }
  if (name === 'broken-offers' || name === 'stale-prices') return offerProblems(db, name)
  if (isFeedReport(name)) return feedReportTable(db, name, reportsSettings().studioUrl)
  return null
}

async function offerProblems(db: Queryable, name: 'broken-offers' | 'stale-prices'): Promise<ReportTable> {
  const settings = reportsSettings()
  const offers = await currentOffers(contentSource())
  const edit = (deviceId: string) => studioEditUrl(settings.studioUrl, deviceId, 'device')
  if (name === 'stale-prices') {
    const stale = offers.filter((offer) => priceMayHaveChanged(offer.priceCheckedAt, settings.priceStaleDays))
    return {
      name,
      title: `Prices checked more than ${settings.priceStaleDays} days ago`,
      columns: ['device', 'offer', 'partner', 'price_checked_at'],
      rows: stale.map((offer) => [offer.device, offer.offer, offer.partner, offer.priceCheckedAt]),
      editLinks: stale.map((offer) => edit(offer.deviceId)),
    }
  }
  const byOffer = new Map(offers.map((offer) => [`${offer.device}/${offer.offer}`, offer]))
  // Only offers still listed: a problem fixed by removing the offer is no longer a problem.
  const problems = (await latestChecks(db)).flatMap((check) => {
    const offer = byOffer.get(`${check.device}/${check.offer}`)
    return offer && check.outcome !== 'ok' ? [{ check, offer }] : []
  })
  return {
    name,
    title: 'Offers whose link is broken or goes elsewhere',
    columns: ['device', 'offer', 'partner', 'outcome', 'status_code', 'final_url', 'detail', 'checked_at'],
    rows: problems.map(({ check, offer }) => [
      check.device,
      check.offer,
      offer.partner,
      check.outcome,
      check.status_code,
      check.final_url,
      check.detail,
      check.checked_at,
    ]),
    editLinks: problems.map(({ offer }) => edit(offer.deviceId)),
  }
}

export function tableCsv(table: ReportTable): string {
  return stringify(table.rows, { header: true, columns: table.columns, cast: { number: String } })
}

/** The process's click database, or why there is none. */
export async function reportsDatabase(): Promise<Database> {
  const recording = clickRecording()
  if (!recording) throw new Error('click recording has not started in this process')
  return recording.database()
}
