import type { StoredDocument } from './ndjson.ts'
import type { Perspective } from './types.ts'

const draftPrefix = 'drafts.'

/**
 * What a reader of the given perspective sees, as the Content Lake resolves it: published
 * documents only, or drafts laid over their published versions under the published id.
 */
export function applyPerspective(documents: StoredDocument[], perspective: Perspective): StoredDocument[] {
  const published = documents.filter((document) => !document._id.startsWith(draftPrefix))
  if (perspective === 'published') return published
  const byId = new Map(published.map((document) => [document._id, document]))
  for (const document of documents) {
    if (!document._id.startsWith(draftPrefix)) continue
    const publishedId = document._id.slice(draftPrefix.length)
    byId.set(publishedId, { ...document, _id: publishedId })
  }
  return [...byId.values()]
}
