import { readFile, stat } from 'node:fs/promises'
import { type ExprNode, evaluate, parse } from 'groq-js'
import { parseNdjson, type StoredDocument } from './ndjson.ts'
import { applyPerspective } from './perspective.ts'
import type { ContentSource, FetchOptions, QueryParams } from './types.ts'

interface LoadedDataset {
  modifiedAtMs: number
  documents: StoredDocument[]
}

/**
 * The embedded dataset: an NDJSON export queried with groq-js. It re-reads the file when it
 * changes on disk, so an editor's re-export shows up without a restart.
 */
export function createEmbeddedSource(datasetPath: string): ContentSource {
  let loaded: Promise<LoadedDataset> | undefined
  const parsedQueries = new Map<string, ExprNode>()

  async function documents(): Promise<StoredDocument[]> {
    const { mtimeMs } = await stat(datasetPath)
    const current = loaded && (await loaded)
    if (!current || current.modifiedAtMs !== mtimeMs) {
      loaded = readDataset(datasetPath, mtimeMs)
    }
    return (await loaded!).documents
  }

  function parseQuery(query: string): ExprNode {
    let tree = parsedQueries.get(query)
    if (!tree) {
      tree = parse(query)
      parsedQueries.set(query, tree)
    }
    return tree
  }

  return {
    kind: 'embedded',
    async fetch(query: string, params: QueryParams = {}, options: FetchOptions = {}) {
      const dataset = applyPerspective(await documents(), options.perspective ?? 'published')
      const result = await evaluate(parseQuery(query), { dataset, params })
      return result.get()
    },
  }
}

async function readDataset(datasetPath: string, modifiedAtMs: number): Promise<LoadedDataset> {
  const { documents, problems } = parseNdjson(await readFile(datasetPath, 'utf8'))
  for (const problem of problems) {
    console.warn(`[content] ${datasetPath} line ${problem.line} skipped: ${problem.message}`)
  }
  return { modifiedAtMs, documents }
}
