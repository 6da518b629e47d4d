import { readFile, stat } from 'node:fs/promises'
import { parse } from 'groq-js'
import { LRUCache } from 'lru-cache'
import { type DatasetView, datasetView, evaluateOnView } from './datasetView.ts'
import { foldConstants } from './groqConstantFolding.ts'
import { parseNdjson, type StoredDocument } from './ndjson.ts'
import type { ContentSource, FetchOptions, Perspective, QueryParams } from './types.ts'

export interface EmbeddedSourceOptions {
  /**
   * How many query results are kept for reuse. Keys include every parameter, so the bound is what
   * keeps visitors' random filter values from growing memory; the least recently used go first.
   */
  maxCachedResults?: number
}

export interface EmbeddedSourceStats {
  /** Times the file was read and parsed: once per version of the file. */
  datasetReads: number
  /** Queries evaluated with groq-js, rather than answered from the result cache. */
  evaluations: number
  cachedResults: number
  maxCachedResults: number
}

export interface EmbeddedSource extends ContentSource {
  readonly kind: 'embedded'
  stats(): EmbeddedSourceStats
}

/** One version of the file, parsed, with what each perspective sees of it. */
interface DatasetVersion {
  version: string
  documents: StoredDocument[]
  views: Map<Perspective, DatasetView>
}

export const defaultMaxCachedResults = 500

/**
 * The embedded dataset: an NDJSON export queried with groq-js, the same GROQ text the Content Lake
 * answers. The parsed file stays in memory and is read again only when its modification time or
 * size changes (so an editor's re-export shows up without a restart); results are kept per query,
 * parameters and file version, in a bounded LRU. A failed read is not kept: the next query tries
 * the file again.
 */
export function createEmbeddedSource(datasetPath: string, options: EmbeddedSourceOptions = {}): EmbeddedSource {
  const maxCachedResults = options.maxCachedResults ?? defaultMaxCachedResults
  let current: DatasetVersion | undefined
  let reading: { version: string; dataset: Promise<DatasetVersion> } | undefined
  const results = new LRUCache<string, Promise<unknown>>({ max: maxCachedResults })
  let datasetReads = 0
  let evaluations = 0

  async function dataset(): Promise<DatasetVersion> {
    const { mtimeMs, size } = await stat(datasetPath)
    const version = `${mtimeMs}:${size}`
    if (current?.version === version) return current
    if (reading?.version !== version) {
      const dataset = readDataset(datasetPath, version).then(
        (loaded) => {
          datasetReads += 1
          if (reading?.dataset === dataset) reading = undefined
          current = loaded
          results.clear()
          return loaded
        },
        (error: unknown) => {
          if (reading?.dataset === dataset) reading = undefined
          throw error
        },
      )
      reading = { version, dataset }
    }
    return reading.dataset
  }

  function view(loaded: DatasetVersion, perspective: Perspective): DatasetView {
    let seen = loaded.views.get(perspective)
    if (!seen) {
      seen = datasetView(loaded.documents, perspective)
      loaded.views.set(perspective, seen)
    }
    return seen
  }

  return {
    kind: 'embedded',
    async fetch(query: string, params: QueryParams = {}, fetchOptions: FetchOptions = {}) {
      const loaded = await dataset()
      const perspective = fetchOptions.perspective ?? 'published'
      const key = JSON.stringify([loaded.version, perspective, query, params])
      let result = results.get(key)
      if (!result) {
        evaluations += 1
        result = runQuery(query, params, view(loaded, perspective))
        results.set(key, result)
        // A query that fails (a syntax error, say) is not remembered as failed.
        result.catch(() => results.delete(key))
      }
      return result
    },
    stats: () => ({ datasetReads, evaluations, cachedResults: results.size, maxCachedResults }),
  }
}

function runQuery(query: string, params: QueryParams, dataset: DatasetView): Promise<unknown> {
  // Parameters go into the parse too: GROQ slices (`[$start...$end]`) must be constants there.
  return evaluateOnView(foldConstants(parse(query, { params }), params), params, dataset)
}

async function readDataset(datasetPath: string, version: string): Promise<DatasetVersion> {
  const { documents, problems } = parseNdjson(await readFile(datasetPath, 'utf8'))
  for (const problem of problems) {
    console.warn(`[content] ${datasetPath} line ${problem.line} skipped: ${problem.message}`)
  }
  return { version, documents, views: new Map() }
}
