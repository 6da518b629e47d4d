import { type DatasetView, datasetView, evaluateOnView } from '@microneedling/content/source/datasetView'
import { foldConstants } from '@microneedling/content/source/groqConstantFolding'
import { type ExprNode, GroqSyntaxError, parse } from 'groq-js'
import { LRUCache } from 'lru-cache'
import { LakeError } from '../lakeError.ts'
import type { DocumentStore } from '../store/documentStore.ts'
import { perspectiveKey, type ReadPerspective, visibleDocuments } from './perspectives.ts'

/**
 * GROQ over the store, with the same evaluation the embedded content source uses (groq-js, an id
 * index for `->`), so the two answer alike. What each perspective sees is built once per version
 * of the data; parsed queries are kept in a bounded cache.
 */
export interface QueryEngine {
  run(
    query: string,
    params: Record<string, unknown>,
    perspective: ReadPerspective,
    authenticated: boolean,
  ): Promise<unknown>
}

export function createQueryEngine(store: DocumentStore): QueryEngine {
  const parsed = new LRUCache<string, ExprNode>({ max: 500 })
  let viewsGeneration = -1
  const views = new Map<string, DatasetView>()

  function viewFor(perspective: ReadPerspective, authenticated: boolean): DatasetView {
    if (viewsGeneration !== store.generation) {
      views.clear()
      viewsGeneration = store.generation
    }
    const key = `${authenticated}:${perspectiveKey(perspective)}`
    let view = views.get(key)
    if (!view) {
      view = datasetView(visibleDocuments(store.all(), perspective, authenticated), 'raw')
      views.set(key, view)
    }
    return view
  }

  return {
    async run(query, params, perspective, authenticated) {
      const tree = parseQuery(query, params, parsed)
      return evaluateOnView(tree, params, viewFor(perspective, authenticated))
    },
  }
}

/** Parameters go into the parse, as on the Content Lake: slices (`[0...$limit]`) need them there. */
export function parseQuery(
  query: string,
  params: Record<string, unknown>,
  cache?: LRUCache<string, ExprNode>,
): ExprNode {
  const key = `${query}\n${JSON.stringify(params)}`
  const cached = cache?.get(key)
  if (cached) return cached
  let tree: ExprNode
  try {
    tree = parse(query, { params })
  } catch (error) {
    if (error instanceof GroqSyntaxError) {
      throw new LakeError(400, 'queryParseError', error.message, {
        query,
        start: error.position,
        end: error.position + 1,
      })
    }
    throw new LakeError(400, 'queryParseError', (error as Error).message, { query })
  }
  requireParams(tree, params)
  const folded = foldConstants(tree, params as never)
  cache?.set(key, folded)
  return folded
}

/** The real API refuses a query that names a parameter it was not given; groq-js would read it as null. */
function requireParams(tree: ExprNode, params: Record<string, unknown>): void {
  for (const name of parameterNames(tree)) {
    if (!(name in params)) throw new LakeError(400, 'queryParseError', `param $${name} referenced, but not provided`)
  }
}

function parameterNames(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) parameterNames(child, found)
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>
    if (record.type === 'Parameter' && typeof record.name === 'string') found.add(record.name)
    for (const value of Object.values(record)) parameterNames(value, found)
  }
  return found
}
