import type { Perspective } from './types.ts'

const draftPrefix = 'drafts.'
/** Documents staged in a content release: neither perspective used here shows them. */
const versionPrefix = 'versions.'

function isPublished(document: { _id: string }): boolean {
  return !document._id.startsWith(draftPrefix) && !document._id.startsWith(versionPrefix)
}

/**
 * What a reader of the given perspective sees, as the Content Lake resolves it: published
 * documents only, or drafts laid over their published versions under the published id.
 */
export function applyPerspective<Document extends { _id: string }>(
  documents: readonly Document[],
  perspective: Perspective,
): Document[] {
  const published = documents.filter(isPublished)
  if (perspective === 'published') return published
  const byId = new Map(published.map((document) => [document._id, document]))
  for (const document of documents) {
    if (!document._id.startsWith(draftPrefix)) continue
    const publishedId = document._id.slice(draftPrefix.length)
    byId.set(publishedId, { ...document, _id: publishedId })
  }
  return [...byId.values()]
}
