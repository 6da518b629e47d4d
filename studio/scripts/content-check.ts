/**
 * `pnpm content:check [file]`: checks an NDJSON dataset (as `sanity dataset export` writes it)
 * three ways, and prints every problem as `LEVEL <document id> <field> [rule] message`:
 *   - the Studio's own validation rules, run headless (what would stop an editor publishing),
 *   - the site's zod schemas (what the site would leave out of its pages),
 *   - reference integrity.
 * Exits 1 when any error is found; warnings are printed only. The default file is the sample.
 * A relative path is read from where pnpm was started (INIT_CWD), not from studio/.
 */

import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import process from 'node:process'
import { type Finding, findDanglingReferences, findSchemaRejections, formatFinding } from '@microneedling/content/check'
import { sampleDatasetPath } from '@microneedling/content/config'
import { createEmbeddedSource } from '@microneedling/content/source/embedded'
import { parseNdjson } from '@microneedling/content/source/ndjson'
import type { SanityDocument } from 'sanity'

import { validateDocumentsWithStudioRules } from './validate-documents.ts'

/** Sanity's own bookkeeping documents, which no schema type describes. */
function isSystemDocument(document: { _id: string; _type: string }): boolean {
  return document._id.startsWith('_.') || document._type.startsWith('system.') || document._type.startsWith('sanity.')
}

export async function checkDataset(fileName: string): Promise<Finding[]> {
  const { documents: allDocuments, problems } = parseNdjson(await readFile(fileName, 'utf8'))
  const documents = allDocuments.filter((document) => !isSystemDocument(document))
  const lineFindings: Finding[] = problems.map((problem) => ({
    documentId: `(line ${problem.line})`,
    path: '(document)',
    rule: 'ndjson',
    level: 'error',
    message: problem.message,
  }))
  const studioFindings: Finding[] = (await validateDocumentsWithStudioRules(documents as SanityDocument[])).map(
    (problem) => ({
      documentId: problem.documentId,
      path: problem.path || '(document)',
      rule: 'studio',
      level: problem.level === 'error' ? 'error' : 'warning',
      message: problem.message,
    }),
  )
  const schemaFindings = await findSchemaRejections(createEmbeddedSource(fileName), documents)
  return [...lineFindings, ...studioFindings, ...findDanglingReferences(documents), ...schemaFindings]
}

async function main(fileArgument: string | undefined): Promise<number> {
  const fileName = fileArgument ? resolve(process.env.INIT_CWD ?? process.cwd(), fileArgument) : sampleDatasetPath
  const findings = await checkDataset(fileName)
  for (const finding of findings) console.log(formatFinding(finding))
  const errorCount = findings.filter((finding) => finding.level === 'error').length
  console.log(`${fileName}: ${errorCount} errors, ${findings.length - errorCount} warnings.`)
  return errorCount > 0 ? 1 : 0
}

if (import.meta.main) process.exitCode = await main(process.argv[2])
