import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

import type { SanityDocument } from 'sanity'

import type { DocumentValidationProblem } from './validate-documents.ts'

/**
 * `validateDocumentsWithStudioRules` spread over worker threads, with the same answer in the same
 * order. Each worker loads `sanity` and builds its workspace once, with every document (slug
 * uniqueness and offer hosts look across the dataset), then validates the ranges of documents it
 * is handed one at a time, so a worker that gets slower documents simply takes fewer ranges.
 * This module does not import `sanity` itself, so the calling thread stays free for other checks.
 */

export interface ValidationRange {
  start: number
  end: number
}

export interface ValidationWorkerData {
  documents: readonly SanityDocument[]
}

interface RangeResult {
  start: number
  problems: DocumentValidationProblem[]
}

/** Below this many documents a thread costs more (its own `sanity` to load, its own workspace) than it saves. */
const documentsPerExtraWorker = 250

/** Ranges per worker: enough that the last range to finish is short. */
const rangesPerWorker = 8

export function workerCountFor(documentCount: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(documentCount / documentsPerExtraWorker)))
}

export async function validateDocumentsInWorkers(
  documents: readonly SanityDocument[],
  { workers = workerCountFor(documents.length) }: { workers?: number } = {},
): Promise<DocumentValidationProblem[]> {
  const rangeSize = Math.max(1, Math.ceil(documents.length / (workers * rangesPerWorker)))
  const ranges: ValidationRange[] = []
  for (let start = 0; start < documents.length; start += rangeSize) {
    ranges.push({ start, end: Math.min(start + rangeSize, documents.length) })
  }
  const workerData: ValidationWorkerData = { documents }
  const threads = Array.from(
    { length: Math.min(workers, ranges.length) },
    () => new Worker(new URL('./studio-validation-worker.ts', import.meta.url), { workerData }),
  )
  const problemsByRange = new Map<number, DocumentValidationProblem[]>()
  let nextRange = 0
  try {
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((resolve, reject) => {
            const sendNextRange = () => {
              const range = ranges[nextRange++]
              if (range) thread.postMessage(range)
              else resolve()
            }
            thread.on('message', ({ start, problems }: RangeResult) => {
              problemsByRange.set(start, problems)
              sendNextRange()
            })
            thread.on('error', reject)
            thread.on('exit', (code) => reject(new Error(`A validation worker stopped early (exit code ${code}).`)))
            sendNextRange()
          }),
      ),
    )
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()))
  }
  return ranges.flatMap((range) => problemsByRange.get(range.start) ?? [])
}
