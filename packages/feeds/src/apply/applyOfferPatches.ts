import type { SanityClient } from '@sanity/client'
import type { OfferPatch } from '../plan/planImport.ts'

/**
 * Writes an import's patches to the content source with @sanity/client: each device's patch goes to
 * its published document and, when an editor has a draft of it open, to the draft too, so the
 * editor's next publish keeps the feed's price. Every patch is guarded by the revision it was
 * planned on; a document changed in between (409) is read again and patched again, a few times.
 */

export type ApplyOptions = {
  /** Tries per document, the first included. Default 4. */
  maxAttempts?: number
  /** Documents per transaction on the first try. Default 50. */
  documentsPerTransaction?: number
}

export type AppliedPatch = {
  documentId: string
  applied: boolean
  /** Whether an open draft was patched too. */
  draftPatched: boolean
  /** Commits tried: 1 when the planned revision still held. */
  attempts: number
  /** Why a patch was not applied (the document or its offer is gone, conflicts kept coming). */
  reason?: string
}

type Revisions = ReadonlyMap<string, string>
type Current = { _id: string; _rev: string; keys: string[] | null }

const draftId = (id: string) => `drafts.${id}`
const commitOptions = { visibility: 'sync', returnDocuments: false, autoGenerateArrayKeys: false } as const

/** The patches of one device merged into one (an import may change several of its offers). */
export function mergePatches(patches: readonly OfferPatch[]): OfferPatch[] {
  const byDocument = new Map<string, OfferPatch>()
  for (const patch of patches) {
    const merged = byDocument.get(patch.documentId) ?? { documentId: patch.documentId, set: {}, unset: [] }
    Object.assign(merged.set, patch.set)
    merged.unset.push(...patch.unset)
    byDocument.set(patch.documentId, merged)
  }
  return [...byDocument.values()]
}

export async function applyOfferPatches(
  client: SanityClient,
  patches: readonly OfferPatch[],
  revisions: Revisions,
  options: ApplyOptions = {},
): Promise<AppliedPatch[]> {
  const maxAttempts = options.maxAttempts ?? 4
  const perTransaction = options.documentsPerTransaction ?? 50
  const merged = mergePatches(patches).filter((patch) => Object.keys(patch.set).length + patch.unset.length > 0)
  const results: AppliedPatch[] = []
  for (let start = 0; start < merged.length; start += perTransaction) {
    const batch = merged.slice(start, start + perTransaction)
    const drafts = await currentDocuments(
      client,
      batch.map((patch) => draftId(patch.documentId)),
    )
    const guarded = batch.flatMap((patch) => {
      const revision = revisions.get(patch.documentId)
      return revision === undefined ? [] : [{ patch, revision, draft: drafts.get(draftId(patch.documentId)) }]
    })
    // A batch whose every device has its planned revision goes in one transaction.
    if (guarded.length === batch.length) {
      try {
        const transaction = client.transaction()
        for (const { patch, revision, draft } of guarded) addPatches(transaction, patch, revision, draft)
        await transaction.commit(commitOptions)
        for (const { patch, draft } of guarded) {
          results.push({ documentId: patch.documentId, applied: true, draftPatched: draft !== undefined, attempts: 1 })
        }
        continue
      } catch (error) {
        if (!isConflict(error)) throw error
      }
    }
    // Someone changed a document since it was read: each is read again and patched on its own.
    const tried = guarded.length === batch.length ? 1 : 0
    for (const patch of batch) results.push(await applyOne(client, patch, maxAttempts, tried))
  }
  return results
}

/** One document, read again before each try; `tried` commits of it already failed on a conflict. */
async function applyOne(
  client: SanityClient,
  patch: OfferPatch,
  maxAttempts: number,
  tried: number,
): Promise<AppliedPatch> {
  const { documentId } = patch
  for (let attempts = tried + 1; attempts <= maxAttempts; attempts++) {
    const current = await currentDocuments(client, [documentId, draftId(documentId)])
    const published = current.get(documentId)
    const draft = current.get(draftId(documentId))
    const outcome = { documentId, draftPatched: false, attempts: attempts - 1 }
    if (!published) return { ...outcome, applied: false, reason: 'The device is no longer published.' }
    const missing = offerKeysIn(patch).filter((key) => !published.keys?.includes(key))
    if (missing.length > 0) {
      return { ...outcome, applied: false, reason: `The device no longer has the offer ${missing.join(', ')}.` }
    }
    try {
      const transaction = client.transaction()
      addPatches(transaction, patch, published._rev, draft)
      await transaction.commit(commitOptions)
      return { documentId, applied: true, draftPatched: draft !== undefined, attempts }
    } catch (error) {
      if (!isConflict(error)) throw error
    }
  }
  return {
    documentId,
    applied: false,
    draftPatched: false,
    attempts: maxAttempts,
    reason: `The device kept changing while it was patched (${maxAttempts} tries): the next import tries again.`,
  }
}

type Transaction = ReturnType<SanityClient['transaction']>

function addPatches(transaction: Transaction, patch: OfferPatch, revision: string, draft: Current | undefined): void {
  transaction.patch(patch.documentId, (builder) => builder.set(patch.set).unset(patch.unset).ifRevisionId(revision))
  if (!draft) return
  // Only the offers the draft still has: setting a field of an offer the editor removed would add nothing.
  const set = Object.fromEntries(Object.entries(patch.set).filter(([path]) => draft.keys?.includes(keyOf(path))))
  const unset = patch.unset.filter((path) => draft.keys?.includes(keyOf(path)))
  if (Object.keys(set).length + unset.length === 0) return
  transaction.patch(draft._id, (builder) => builder.set(set).unset(unset).ifRevisionId(draft._rev))
}

async function currentDocuments(client: SanityClient, ids: readonly string[]): Promise<Map<string, Current>> {
  if (ids.length === 0) return new Map()
  const documents = await client.fetch<Current[]>(
    '*[_id in $ids]{ _id, _rev, "keys": offers[]._key }',
    { ids },
    { perspective: 'raw', useCdn: false },
  )
  return new Map(documents.map((document) => [document._id, document]))
}

/** `offers[_key=="k1"].price` → `k1`. */
function keyOf(path: string): string {
  return /^offers\[_key=="([^"]+)"\]/.exec(path)?.[1] ?? ''
}

function offerKeysIn(patch: OfferPatch): string[] {
  return [...new Set([...Object.keys(patch.set), ...patch.unset].map(keyOf))]
}

function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { statusCode?: unknown }).statusCode === 409
}
