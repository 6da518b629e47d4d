/** One problem found in a dataset, named the way an editor can act on it. */
export interface Finding {
  documentId: string
  /** Field path inside the document, e.g. `offers[key=="a1"].url`, or `(document)`. */
  path: string
  /** The rule that failed: a Studio validation rule, a zod schema, or `reference`. */
  rule: string
  level: 'error' | 'warning'
  message: string
}

export function formatFinding(finding: Finding): string {
  return `${finding.level.toUpperCase()} ${finding.documentId} ${finding.path} [${finding.rule}] ${finding.message}`
}
