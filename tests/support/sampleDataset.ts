import { readFileSync } from 'node:fs'
import { parseNdjson, type StoredDocument } from '@microneedling/content/source/ndjson'
import { sampleDatasetPath } from './paths.ts'

/** The sample dataset as stored, for choosing representative query parameters. */
export const sampleDocuments: StoredDocument[] = parseNdjson(readFileSync(sampleDatasetPath, 'utf8')).documents

export function sampleOfType(type: string): StoredDocument[] {
  return sampleDocuments.filter((document) => document._type === type && !document._id.startsWith('drafts.'))
}

export function slugOf(document: StoredDocument): string {
  return (document.slug as { current: string }).current
}

export interface StoredOffer {
  _key: string
  partner: { _ref: string }
}

export function offersOf(device: StoredDocument): StoredOffer[] {
  return (device.offers ?? []) as StoredOffer[]
}
