import * as queries from '../../src/queries.ts'
import type { ContentSource } from '../../src/source/types.ts'

export type QueryName = keyof typeof queries

const nameOfQuery = new Map<string, QueryName>(
  (Object.entries(queries) as [QueryName, string][]).map(([name, text]) => [text, name]),
)

/**
 * Wraps a content source and notes which named queries went through it, so a test can prove the
 * loader it calls really runs the query it claims to cover.
 */
export function recordingSource(source: ContentSource): { source: ContentSource; ran: QueryName[] } {
  const ran: QueryName[] = []
  return {
    ran,
    source: {
      kind: source.kind,
      fetch(query, params, options) {
        const name = nameOfQuery.get(query)
        if (!name) throw new Error(`a loader ran a query that is not exported from queries.ts:\n${query}`)
        ran.push(name)
        return source.fetch(query, params, options)
      },
    },
  }
}
