import type { StoredDocument } from '@microneedling/content/source/ndjson'
import { LakeError } from '../lakeError.ts'

/**
 * What a reader sees of the dataset, as the Content Lake resolves perspectives:
 * - `raw`: every document as stored, drafts and release versions included;
 * - `published`: published documents only;
 * - `drafts` (and its old name `previewDrafts`): each document's draft over its published version;
 * - a stack (`rSummer,drafts`, what the Studio sends with releases): the first layer that has a
 *   version of the document wins, published last.
 * Overlaid documents carry the published id in `_id` and where they came from in `_originalId`.
 * Without a token, drafts and versions are never visible, whatever the perspective.
 */

export type ReadPerspective = { kind: 'raw' } | { kind: 'stack'; layers: readonly string[] }

const draftPrefix = 'drafts.'
const versionPrefix = 'versions.'

/** Sanity's change of default: from this API version on, queries read published documents. */
const publishedByDefaultSince = '2025-02-19'

export function readPerspective(value: string | undefined, apiVersion: string): ReadPerspective {
  if (value === undefined || value === '') {
    const dated = /^\d{4}-\d{2}-\d{2}$/.test(apiVersion)
    return dated && apiVersion >= publishedByDefaultSince ? { kind: 'stack', layers: [] } : { kind: 'raw' }
  }
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  if (names.length === 1 && names[0] === 'raw') return { kind: 'raw' }
  if (names.length === 0 || names.some((name) => !/^[a-zA-Z0-9_-]+$/.test(name) || name === 'raw')) {
    throw new LakeError(400, 'httpBadRequest', `Invalid perspective "${value}"`)
  }
  const layers = names
    .map((name) => (name === 'previewDrafts' ? 'drafts' : name))
    .filter((name) => name !== 'published')
  return { kind: 'stack', layers }
}

export function perspectiveKey(perspective: ReadPerspective): string {
  return perspective.kind === 'raw' ? 'raw' : `stack:${perspective.layers.join(',')}`
}

/** The layer a stored document belongs to and the id of the document it is a version of. */
export function layerOf(id: string): { layer: string; publishedId: string } {
  if (id.startsWith(draftPrefix)) return { layer: 'drafts', publishedId: id.slice(draftPrefix.length) }
  if (id.startsWith(versionPrefix)) {
    const rest = id.slice(versionPrefix.length)
    const dot = rest.indexOf('.')
    if (dot > 0) return { layer: rest.slice(0, dot), publishedId: rest.slice(dot + 1) }
  }
  return { layer: 'published', publishedId: id }
}

export function isPrivateId(id: string): boolean {
  return id.startsWith(draftPrefix) || id.startsWith(versionPrefix)
}

export function visibleDocuments(
  documents: readonly StoredDocument[],
  perspective: ReadPerspective,
  authenticated: boolean,
): StoredDocument[] {
  const readable = authenticated ? documents : documents.filter((document) => !isPrivateId(document._id))
  if (perspective.kind === 'raw') return [...readable]
  const rank = new Map(perspective.layers.map((layer, position) => [layer, position]))
  rank.set('published', perspective.layers.length)
  const chosen = new Map<string, { document: StoredDocument; rank: number }>()
  for (const document of readable) {
    const { layer, publishedId } = layerOf(document._id)
    const position = rank.get(layer)
    if (position === undefined) continue
    const current = chosen.get(publishedId)
    if (!current || position < current.rank) chosen.set(publishedId, { document, rank: position })
  }
  const overlay = perspective.layers.length > 0
  return [...chosen.entries()].map(([publishedId, { document }]) =>
    overlay ? { ...document, _id: publishedId, _originalId: document._id } : document,
  )
}
