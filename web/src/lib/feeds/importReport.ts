import type { AppliedPatch } from '@microneedling/feeds/applyOfferPatches'
import type { FeedPartner } from '@microneedling/feeds/feedCatalogue'
import type { PartnerImport } from '@microneedling/feeds/planPartnerImport'
import type { ImportOutcome } from './feedImportStore'

/** What one partner's import says back, as JSON: per offer, each field before and after. */
export type PartnerImportReport = ReturnType<typeof importReport>

export function importReport(run: {
  partner: FeedPartner
  importId: number
  outcome: ImportOutcome
  apply: boolean
  detail?: string
  imported?: PartnerImport
  applied?: AppliedPatch[]
}) {
  const plan = run.imported?.plan
  const notApplied = new Map(
    (run.applied ?? []).filter((result) => !result.applied).map((result) => [result.documentId, result.reason]),
  )
  const fieldsOf = (fields: { field: string; before: unknown; after: unknown }[]) =>
    fields.map(({ field, before, after }) => ({ field, before: before ?? null, after: after ?? null }))
  return {
    partner: run.partner.slug,
    importId: run.importId,
    outcome: run.outcome,
    applied: run.outcome === 'applied',
    ...(run.detail ? { detail: run.detail } : {}),
    ...(plan
      ? {
          checkedAt: plan.checkedAt,
          summary: { ...plan.summary, notApplied: notApplied.size },
          changes: plan.changes.map((change) => ({
            device: change.deviceName,
            deviceId: change.deviceId,
            offer: change.offerKey,
            cause: change.cause,
            ...(change.itemId ? { itemId: change.itemId, matchedBy: change.matchedBy } : {}),
            fields: fieldsOf(change.fields),
            ...(notApplied.has(change.deviceId) ? { notApplied: notApplied.get(change.deviceId) } : {}),
          })),
          held: plan.held.map((held) => ({
            device: held.deviceName,
            deviceId: held.deviceId,
            offer: held.offerKey,
            itemId: held.itemId,
            current: held.current,
            proposed: held.proposed,
            reason: held.reason,
          })),
          refused: plan.refused,
          unmatched: plan.unmatched,
          missing: plan.missing,
          warnings: [
            ...plan.warnings,
            ...(run.imported?.catalogue.skipped ?? []).map(
              (skipped) => `${skipped.deviceName}: an offer is left out of the comparison (${skipped.reason}).`,
            ),
          ],
        }
      : {}),
  }
}
