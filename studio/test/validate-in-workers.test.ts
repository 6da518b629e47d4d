import { describe, expect, it } from 'vitest'

import { validateDocumentsWithStudioRules } from '../scripts/validate-documents.ts'
import { validateDocumentsInWorkers, workerCountFor } from '../scripts/validate-in-workers.ts'
import { sampleDocuments, sampleIds } from './sampleDocuments.ts'

/**
 * `content:check` validates large exports in worker threads. Whatever the split, an editor must
 * get the answer one thread gives, in the same order, so the output of two runs can be compared.
 */

/** The sample with a problem in several documents, some of which depend on other documents. */
function documentsWithProblems() {
  return sampleDocuments().map((document) => {
    const copy = structuredClone(document) as Record<string, any>
    if (copy._id === sampleIds.homeDevice) {
      copy.offers[0].url = 'https://attacker.example.net/buy'
      copy.pros = ['Cheap']
      copy.needleLength = 0.25
    }
    if (copy._id === sampleIds.professionalDevice) copy.slug.current = 'dermaco-home-roller'
    if (copy._id === sampleIds.comparison) copy.devices = copy.devices.slice(0, 1)
    if (copy._id === sampleIds.siteSettings) copy.affiliateDisclosureShort = ' '
    return copy as ReturnType<typeof sampleDocuments>[number]
  })
}

describe('validateDocumentsInWorkers', () => {
  it('gives the problems one thread gives, in the same order, when the documents are split over two workers', async () => {
    const documents = documentsWithProblems()
    const inOneThread = await validateDocumentsWithStudioRules(documents)
    // Each document is its own range here, so the two workers take turns through the set.
    const inWorkers = await validateDocumentsInWorkers(documents, { workers: 2 })
    expect(new Set(inOneThread.map((problem) => problem.documentId)).size).toBeGreaterThanOrEqual(4)
    expect(inWorkers).toEqual(inOneThread)
  }, 120_000)
})

describe('workerCountFor', () => {
  it('keeps a small dataset on one thread and gives a large one a thread per core', () => {
    expect(workerCountFor(40, 2)).toBe(1)
    expect(workerCountFor(10_000, 2)).toBe(2)
    expect(workerCountFor(10_000, 1)).toBe(1)
  })
})
