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

import {
  createIndexedDataset,
  type Finding,
  findDanglingReferences,
  findSchemaRejections,
  formatFinding,
} from '@microneedling/content/check'
import { sampleDatasetPath } from '@microneedling/content/config'
import { type NdjsonProblem, parseNdjson, type StoredDocument } from '@microneedling/content/source/ndjson'
import type { SanityDocument } from 'sanity'

import { validateDocumentsInWorkers } from './validate-in-workers.ts'

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
  // The Studio's rules run in worker threads while this thread runs the site's loaders.
  const [studioProblems, schemaFindings] = await Promise.all([
    validateDocumentsInWorkers(documents as SanityDocument[]),
    findSchemaRejectionsInFile(fileName, allDocuments, problems, documents),
  ])
  const studioFindings: Finding[] = studioProblems.map((problem) => ({
    documentId: problem.documentId,
    path: problem.path || '(document)',
    rule: 'studio',
    level: problem.level === 'error' ? 'error' : 'warning',
    message: problem.message,
  }))
  return [...lineFindings, ...studioFindings, ...findDanglingReferences(documents), ...schemaFindings]
}

/**
 * The site's loaders over every line of the file, as the embedded source reads it, warning about
 * the same skipped lines it does; the queries run on an index of the documents, built once.
 */
async function findSchemaRejectionsInFile(
  fileName: string,
  allDocuments: StoredDocument[],
  problems: NdjsonProblem[],
  documents: StoredDocument[],
): Promise<Finding[]> {
  for (const problem of problems) {
    console.warn(`[content] ${fileName} line ${problem.line} skipped: ${problem.message}`)
  }
  return findSchemaRejections(createIndexedDataset(allDocuments).asContentSource(), documents)
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
