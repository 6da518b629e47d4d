import type { Queryable } from '../database/database'
import { listedItems, openHeldChanges, recentImports } from '../feeds/feedImportStore'
import { studioEditUrl } from './reportsSettings'
import type { ReportTable } from './reportTables'

/** The feed imports' tables in the reports: runs, held prices, and what the last runs could not use. */
export const feedReportNames = ['feed-imports', 'held-prices', 'unmatched-items', 'refused-items'] as const
export type FeedReportName = (typeof feedReportNames)[number]

export function isFeedReport(name: string): name is FeedReportName {
  return (feedReportNames as readonly string[]).includes(name)
}

export async function feedReportTable(db: Queryable, name: FeedReportName, studioUrl: string): Promise<ReportTable> {
  if (name === 'feed-imports') {
    const runs = await recentImports(db)
    return {
      name,
      title: 'Feed imports',
      columns: [
        'started_at',
        'partner',
        'outcome',
        'items_read',
        'matched',
        'changed',
        'held',
        'refused',
        'unmatched',
        'missing',
        'not_applied',
        'duration_ms',
        'detail',
      ],
      rows: runs.map((run) => [
        run.started_at,
        run.partner,
        run.outcome,
        run.items_read,
        run.matched,
        run.changed,
        run.held,
        run.refused,
        run.unmatched,
        run.missing,
        run.not_applied,
        run.duration_ms,
        run.detail,
      ]),
    }
  }
  if (name === 'held-prices') {
    const held = await openHeldChanges(db)
    return {
      name,
      title: 'Prices held for an editor',
      columns: ['held_at', 'device', 'offer', 'item_id', 'current_price', 'proposed_price', 'currency', 'reason'],
      rows: held.map((change) => [
        change.heldAt,
        change.deviceName,
        change.offerKey,
        change.itemId,
        change.currentPrice,
        change.proposedPrice,
        change.currency,
        change.reason,
      ]),
      editLinks: held.map((change) => studioEditUrl(studioUrl, change.deviceId, 'device')),
      decisions: held.map((change) => `/api/feeds/held/${change.id}`),
    }
  }
  const kind = name === 'unmatched-items' ? 'unmatched' : 'refused'
  const items = await listedItems(db, kind)
  if (kind === 'unmatched') {
    return {
      name,
      title: 'Feed items no offer matches (last import of each partner)',
      columns: ['partner_id', 'item_id', 'row_number', 'title', 'gtin', 'price', 'currency', 'link'],
      rows: items.map((item) => [
        item.partner_id,
        item.item_id,
        item.row_number,
        item.title,
        item.gtin,
        item.price,
        item.currency,
        item.link,
      ]),
    }
  }
  return {
    name,
    title: 'Feed rows refused (last import of each partner)',
    columns: ['partner_id', 'row_number', 'item_id', 'device', 'reason'],
    rows: items.map((item) => [item.partner_id, item.row_number, item.item_id, item.title, item.reason]),
  }
}
