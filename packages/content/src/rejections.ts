import type { z } from 'zod'

/**
 * Where documents that fail their schema are reported. A rejected document is left out of the page
 * and logged with its id, so one bad edit never takes a page down and an editor can still find it.
 */
export interface Rejection {
  documentId: string
  where: string
  problems: string[]
}

type RejectionListener = (rejection: Rejection) => void

const defaultListener: RejectionListener = (rejection) => {
  console.warn(`[content] left out ${rejection.documentId} (${rejection.where}): ${rejection.problems.join('; ')}`)
}

let listener: RejectionListener = defaultListener

/** Replaces the listener (tests collect rejections); returns a function that restores the default. */
export function onRejection(next: RejectionListener): () => void {
  listener = next
  return () => {
    listener = defaultListener
  }
}

export function reportRejection(raw: unknown, where: string, error: z.ZodError): void {
  listener({ documentId: identify(raw), where, problems: describeIssues(error) })
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
}

function identify(raw: unknown): string {
  // A reference to a document that is missing or unpublished projects to null.
  if (raw === null || raw === undefined) return '(a missing or unpublished referenced document)'
  if (typeof raw === 'object') {
    const record = raw as Record<string, unknown>
    for (const field of ['_id', 'key', '_key', 'slug']) {
      if (typeof record[field] === 'string') return record[field]
    }
  }
  return '(unidentified)'
}
