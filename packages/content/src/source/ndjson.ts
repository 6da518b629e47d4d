/** A document as `sanity dataset export` writes it: one JSON object per line. */
export interface StoredDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

export interface NdjsonProblem {
  line: number
  message: string
}

/**
 * Parses NDJSON text. A line that is not a JSON object with `_id` and `_type` is reported and
 * skipped, so one corrupt line does not hide the rest of the dataset.
 */
export function parseNdjson(text: string): { documents: StoredDocument[]; problems: NdjsonProblem[] } {
  const documents: StoredDocument[] = []
  const problems: NdjsonProblem[] = []
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.trim()
    if (!line) return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      problems.push({ line: index + 1, message: `not valid JSON (${(error as Error).message})` })
      return
    }
    if (!isStoredDocument(value)) {
      problems.push({ line: index + 1, message: 'not a document: `_id` and `_type` must be strings' })
      return
    }
    documents.push(value)
  })
  return { documents, problems }
}

function isStoredDocument(value: unknown): value is StoredDocument {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const record = value as Record<string, unknown>
  return typeof record._id === 'string' && typeof record._type === 'string'
}
