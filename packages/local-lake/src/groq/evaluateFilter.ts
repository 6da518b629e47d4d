import type { StoredDocument } from '@microneedling/content/source/ndjson'
import { type ExprNode, evaluateSync } from 'groq-js'

/**
 * Whether a listener's query (`*[_type == "device"]`, `*[_id in $ids]`) selects a document: the
 * query is run on a dataset holding only that document. Parameters were put in at parse time.
 */
export function querySelects(tree: ExprNode, document: StoredDocument | null): boolean {
  if (!document) return false
  const result = evaluateSync(tree, { dataset: [document] }).data
  return Array.isArray(result) ? result.length > 0 : Boolean(result)
}

/** The ids of the documents a query (`*[_type == "x" && ...]`) returns, for patches and deletes by query. */
export function idsSelectedBy(tree: ExprNode, documents: StoredDocument[]): string[] {
  const result = evaluateSync(tree, { dataset: documents }).data
  if (!Array.isArray(result)) return []
  return result.flatMap((item) =>
    item && typeof item === 'object' && typeof (item as { _id?: unknown })._id === 'string'
      ? [(item as { _id: string })._id]
      : [],
  )
}
