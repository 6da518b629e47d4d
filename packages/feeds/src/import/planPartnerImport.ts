import {
  type FeedPartner,
  loadPartnerCatalogue,
  type PartnerCatalogue,
  type PublishedQuery,
} from '../catalogue/feedCatalogue.ts'
import { createImportPlanner, type FeedImportPlan, type ImportSettings } from '../plan/planImport.ts'
import { type FeedSource, readFeed } from '../readFeed.ts'

export type PartnerImportInput = {
  partner: FeedPartner
  /** The feed's bytes (fetched, uploaded or read from a file), gzipped or not. */
  feed: FeedSource
  query: PublishedQuery
  previousMisses: ReadonlyMap<string, number>
  now: Date
  settings?: ImportSettings
}

export type PartnerImport = {
  plan: FeedImportPlan
  /** The partner's offers as read, with each device's revision (what the patches are guarded by). */
  catalogue: PartnerCatalogue
  readMs: number
}

/**
 * Reads one partner's feed as a stream against its offers in the catalogue, and plans the import.
 * A feed that breaks off (bad XML, a download cut short) throws: an incomplete feed would mark the
 * offers after the break as missing, so nothing of it is used.
 */
export async function planPartnerImport(input: PartnerImportInput): Promise<PartnerImport> {
  const { partner } = input
  if (!partner.feed) throw new TypeError(`Partner ${partner.slug} names no feed (address and format).`)
  const started = performance.now()
  const catalogue = await loadPartnerCatalogue(input.query, partner._id)
  const planner = createImportPlanner({
    partner: { id: partner._id, allowedHosts: partner.allowedHosts },
    offers: catalogue.offers,
    previousMisses: input.previousMisses,
    now: input.now,
    ...(input.settings ? { settings: input.settings } : {}),
  })
  for await (const entry of readFeed(input.feed, partner.feed.format)) planner.add(entry)
  return {
    plan: planner.finish(),
    catalogue,
    readMs: Math.round(performance.now() - started),
  }
}
