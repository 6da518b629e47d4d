import {
  loadAuthors,
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
  const stopListening = onRejection((rejection) => {
    const owner = locate(rejection.documentId, documents)
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
      loadAuthors(source),
    ])
    for (const document of documents) {
      const slug = (document.slug as { current?: unknown } | undefined)?.current
      if (typeof slug !== 'string' || document._id.startsWith('drafts.')) continue
      if (document._type === 'device') await loadDevice(source, slug)
      if (document._type === 'comparison') await loadComparison(source, slug)
      if (document._type === 'guide') await loadGuide(source, slug)
    }
  } finally {
    stopListening()
  }
  return dedupe(findings)
}

/**
 * Rejections of array items (an offer, a caveat) name the item's key; an editor needs the
 * document that holds it.
 */
function locate(id: string, documents: readonly StoredDocument[]): { documentId: string; itemPath?: string } {
  if (documents.some((document) => document._id === id)) return { documentId: id }
  for (const document of documents) {
    for (const [field, value] of Object.entries(document)) {
      if (Array.isArray(value) && value.some((item) => item && typeof item === 'object' && item._key === id)) {
        return { documentId: document._id, itemPath: `${field}[_key=="${id}"]` }
      }
    }
  }
  return { documentId: id }
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
