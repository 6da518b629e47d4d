import type { StoredDocument } from '../source/ndjson.ts'
import type { Finding } from './findings.ts'

/**
 * Finds references whose target is not in the dataset. The Content Lake refuses to publish a
 * strong reference to a missing document, so an export with one has been edited by hand.
 */
export function findDanglingReferences(documents: readonly StoredDocument[]): Finding[] {
  const ids = new Set(documents.map((document) => document._id.replace(/^drafts\./, '')))
  const findings: Finding[] = []
  for (const document of documents) {
    walk(document, '', (reference, path) => {
      if (reference._weak === true || ids.has(reference._ref)) return
      findings.push({
        documentId: document._id,
        path,
        rule: 'reference',
        level: 'error',
        message: `refers to "${reference._ref}", which is not in the dataset`,
      })
    })
  }
  return findings
}

type Reference = { _ref: string; _weak?: unknown }

function walk(value: unknown, path: string, visit: (reference: Reference, path: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const key = item && typeof item === 'object' && typeof item._key === 'string' ? `_key=="${item._key}"` : index
      walk(item, `${path}[${key}]`, visit)
    })
    return
  }
  if (!value || typeof value !== 'object') return
  const record = value as Record<string, unknown>
  if (typeof record._ref === 'string') {
    visit(record as Reference, path || '(document)')
    return
  }
  for (const [field, child] of Object.entries(record)) {
    walk(child, path ? `${path}.${field}` : field, visit)
  }
}
