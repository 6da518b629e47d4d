import { gzipSync } from 'node:zlib'
import { type FeedFormat, type FeedReadResult, type ReadFeedOptions, readFeed } from '../../src/readFeed.ts'

/** The bytes in chunks of `size`, so values, quotes and multi-byte characters straddle chunks. */
export async function* inChunks(content: string | Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size)
}

export function gzipped(content: string): Buffer {
  return gzipSync(Buffer.from(content, 'utf8'))
}

export async function readAll(
  content: string | Uint8Array,
  format: FeedFormat,
  options?: ReadFeedOptions & { chunkSize?: number },
): Promise<FeedReadResult[]> {
  const results: FeedReadResult[] = []
  for await (const result of readFeed(inChunks(content, options?.chunkSize), format, options)) results.push(result)
  return results
}

/** Every result until the reading throws, and what it threw. */
export async function readUntilError(
  content: string | Uint8Array,
  format: FeedFormat,
): Promise<{ results: FeedReadResult[]; error: unknown }> {
  const results: FeedReadResult[] = []
  try {
    for await (const result of readFeed(inChunks(content), format)) results.push(result)
  } catch (error) {
    return { results, error }
  }
  return { results, error: undefined }
}

export function itemsIn(results: FeedReadResult[]) {
  return results.flatMap((result) => (result.kind === 'item' ? [result.item] : []))
}

export function refusalsIn(results: FeedReadResult[]) {
  return results.flatMap((result) => (result.kind === 'refused' ? [result] : []))
}

/** Lines joined by newlines, each line's values by tabs. */
export function tsv(...rows: string[][]): string {
  return `${rows.map((row) => row.join('\t')).join('\n')}\n`
}
