import { cacheTags } from '@microneedling/content/cacheTags'
import { type AppliedPatch, applyOfferPatches } from '@microneedling/feeds/applyOfferPatches'
import type { FeedPartner, PublishedQuery } from '@microneedling/feeds/feedCatalogue'
import { type PartnerImport, planPartnerImport } from '@microneedling/feeds/planPartnerImport'
import type { FeedSource } from '@microneedling/feeds/readFeed'
import type { SanityClient } from '@sanity/client'
import type { Database } from '../database/database'
import { feedImportSettings } from './feedImportSettings'
import { type ImportOutcome, previousMisses, saveImportRun } from './feedImportStore'
import { partnerFeed } from './feedSource'
import { importReport, type PartnerImportReport } from './importReport'
import { observedPrices } from './observedPrices'

export type FeedImportRequest = {
  partner: FeedPartner
  /** The feed's bytes when they were sent with the request; otherwise the partner's feed is fetched. */
  upload?: FeedSource
  apply: boolean
  now?: Date
}

export type FeedImportContext = {
  db: Database
  query: PublishedQuery
  /** What writes the patches, or why nothing can (then an import with apply fails, changing nothing). */
  writer: { client: SanityClient } | { unavailable: string }
  /** Records what the feed says each matched offer costs now (the price history). */
  recordPrices: (db: Database, observations: ReturnType<typeof observedPrices>) => Promise<void>
  /** Expires the cached pages of the devices whose prices were recorded. */
  expireTags: (tags: string[]) => Promise<unknown>
}

/**
 * One import of one partner's feed: read and planned; with `apply`, its patches written to the
 * content source, the prices it confirmed recorded, and its misses kept for the next run. Every
 * run is stored with its counts, failed ones too; a failed or empty one changes nothing else.
 */
export async function runFeedImport(
  request: FeedImportRequest,
  context: FeedImportContext,
): Promise<PartnerImportReport> {
  const { partner, apply } = request
  const startedAt = request.now ?? new Date()
  const started = performance.now()
  const settings = feedImportSettings()
  const finish = async (
    outcome: ImportOutcome,
    fields: { detail?: string; imported?: PartnerImport; applied?: AppliedPatch[] },
  ) => {
    const notApplied = fields.applied?.filter((result) => !result.applied) ?? []
    const importId = await saveImportRun(context.db, {
      partnerId: partner._id,
      partner: partner.slug,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      applied: outcome === 'applied',
      outcome,
      ...(fields.detail ? { detail: fields.detail } : {}),
      ...(fields.imported ? { plan: fields.imported.plan } : {}),
      notApplied: notApplied.length,
    })
    return importReport({ partner, importId, outcome, apply, ...fields })
  }

  if (apply && 'unavailable' in context.writer) return finish('failed', { detail: context.writer.unavailable })
  let imported: PartnerImport
  try {
    imported = await planPartnerImport({
      partner,
      feed: request.upload ?? (await partnerFeed(partner)),
      query: context.query,
      previousMisses: await previousMisses(context.db, partner._id),
      now: startedAt,
      settings: {
        holdShare: settings.holdShare,
        missingImportsBeforeUnavailable: settings.missingImportsBeforeUnavailable,
      },
    })
  } catch (error) {
    return finish('failed', { detail: `Nothing was changed: ${(error as Error).message}` })
  }
  const { plan } = imported
  // An empty feed is a completed read that changes nothing, when it was asked to apply.
  if (plan.empty) {
    return finish(apply ? 'unchanged' : 'planned', {
      imported,
      ...(plan.emptyReason ? { detail: plan.emptyReason } : {}),
    })
  }
  if (!apply || 'unavailable' in context.writer) return finish('planned', { imported })

  const applied = await applyOfferPatches(
    context.writer.client,
    plan.changes.map((change) => change.patch),
    imported.catalogue.revisions,
  )
  const written = new Set(applied.filter((result) => result.applied).map((result) => result.documentId))
  const observations = observedPrices(imported, written, startedAt)
  await context.recordPrices(context.db, observations)
  const slugs = [...new Set(observations.map((observation) => imported.catalogue.slugs.get(observation.deviceId)))]
  await context.expireTags(slugs.filter((slug): slug is string => slug !== undefined).map(cacheTags.device))
  return finish('applied', { imported, applied })
}
