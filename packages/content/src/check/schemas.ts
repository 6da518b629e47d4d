import {
  loadAuthors,
  loadBestForGuide,
  loadBestForGuideSummaries,
  loadComparison,
  loadComparisonSummaries,
  loadDevice,
  loadDeviceListPage,
  loadGuide,
  loadGuideSummaries,
  loadSiteSettings,
} from '../loaders.ts'
import { onRejection } from '../rejections.ts'
import type { StoredDocument } from '../source/ndjson.ts'
import type { ContentSource } from '../source/types.ts'
import type { Finding } from './findings.ts'

/**
 * Runs every page's query over the dataset and reports what the site's zod schemas would leave
 * out: a document that passes the Studio's rules can still be one the site cannot show.
 */
export async function findSchemaRejections(
  source: ContentSource,
  documents: readonly StoredDocument[],
): Promise<Finding[]> {
  const findings: Finding[] = []
  const locate = ownerLocator(documents)
  const stopListening = onRejection((rejection) => {
    const owner = locate(rejection.documentId)
    const fields = rejection.problems.map((problem) => problem.split(':')[0]).join(', ')
    findings.push({
      documentId: owner.documentId,
      path: owner.itemPath ? `${owner.itemPath}.${fields}` : fields,
      rule: `zod:${rejection.where}`,
      level: 'error',
      message: rejection.problems.join('; '),
    })
  })
  try {
    try {
      await loadSiteSettings(source)
    } catch (error) {
      findings.push({
        documentId: 'siteSettings',
        path: '(document)',
        rule: 'zod:site settings',
        level: 'error',
        message: (error as Error).message,
      })
    }
    await Promise.all([
      // Every device as lists load them: one page as long as the catalogue.
      loadDeviceListPage(source, { sort: 'name' }, 1, { pageSize: documents.length + 1 }),
      loadComparisonSummaries(source),
      loadGuideSummaries(source),
      loadBestForGuideSummaries(source),
      loadAuthors(source),
    ])
    for (const document of documents) {
      const slug = (document.slug as { current?: unknown } | undefined)?.current
      if (typeof slug !== 'string' || document._id.startsWith('drafts.')) continue
      if (document._type === 'device') await loadDevice(source, slug)
      if (document._type === 'comparison') await loadComparison(source, slug)
      if (document._type === 'guide') await loadGuide(source, slug)
      if (document._type === 'bestForGuide') await loadBestForGuide(source, slug)
    }
  } finally {
    stopListening()
  }
  return dedupe(findings)
}

/**
 * Rejections of array items (an offer, a caveat) name the item's key; an editor needs the
 * document that holds it: the first document, and its first field, with an item of that key.
 * The ids and keys are gathered on the first rejection, once for the whole dataset.
 */
function ownerLocator(documents: readonly StoredDocument[]) {
  let owners: { ids: Set<string>; items: Map<string, { documentId: string; itemPath: string }> } | undefined
  return (id: string): { documentId: string; itemPath?: string } => {
    owners ??= gatherOwners(documents)
    if (owners.ids.has(id)) return { documentId: id }
    return owners.items.get(id) ?? { documentId: id }
  }
}

function gatherOwners(documents: readonly StoredDocument[]) {
  const ids = new Set(documents.map((document) => document._id))
  const items = new Map<string, { documentId: string; itemPath: string }>()
  for (const document of documents) {
    for (const [field, value] of Object.entries(document)) {
      if (!Array.isArray(value)) continue
      for (const item of value) {
        const key = item && typeof item === 'object' ? item._key : undefined
        if (typeof key === 'string' && !items.has(key)) {
          items.set(key, { documentId: document._id, itemPath: `${field}[_key=="${key}"]` })
        }
      }
    }
  }
  return { ids, items }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((finding) => {
    const key = `${finding.documentId}|${finding.rule}|${finding.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
