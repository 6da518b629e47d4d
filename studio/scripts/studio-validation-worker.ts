/**
 * A worker thread of `validateDocumentsInWorkers`: builds one Studio workspace for the whole
 * dataset, then validates the ranges of documents it is sent, one message each, until closed.
 * `sanity` is imported only after the stub loader is registered in this thread.
 */
import { parentPort, workerData } from 'node:worker_threads'

import './register-sanity-stub-loader.ts'

import type { SanityDocument } from 'sanity'

import type { ValidationRange, ValidationWorkerData } from './validate-in-workers.ts'

const { createStudioValidator } = await import('./validate-documents.ts')

const { documents } = workerData as ValidationWorkerData
const validator = await createStudioValidator(documents as SanityDocument[])

parentPort!.on('message', async ({ start, end }: ValidationRange) => {
  const problems = await validator.validate((documents as SanityDocument[]).slice(start, end))
  parentPort!.postMessage({ start, problems })
})
