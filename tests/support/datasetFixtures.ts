import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { StoredDocument } from '@microneedling/content/source/ndjson'
import { testsDir } from './paths.ts'
import { sampleDocuments } from './sampleDataset.ts'

/**
 * Datasets derived from the sample at test time, in the NDJSON format `sanity dataset export`
 * writes, for running the site on content the sample does not have (broken documents, offers that
 * break their partner's rules). Written under tests/artifacts/ (git-ignored), so a failing run
 * leaves the exact file behind to look at.
 */

export const fixtureDatasetsDir = join(testsDir, 'artifacts', 'datasets')

/** A deep copy of the sample, for editing without touching what other tests read. */
export function copyOfSample(): StoredDocument[] {
  return structuredClone(sampleDocuments)
}

export function documentById(documents: StoredDocument[], id: string): StoredDocument {
  const document = documents.find((candidate) => candidate._id === id)
  if (!document) throw new Error(`fixture: the sample has no document ${id}`)
  return document
}

export async function writeDataset(name: string, documents: readonly StoredDocument[]): Promise<string> {
  await mkdir(fixtureDatasetsDir, { recursive: true })
  const path = join(fixtureDatasetsDir, `${name}.ndjson`)
  await writeFile(path, `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`)
  return path
}
