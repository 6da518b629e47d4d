import { closeSync, fsyncSync, openSync } from 'node:fs'
import { type FileHandle, mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { parseNdjson, type StoredDocument } from '@microneedling/content/source/ndjson'

/**
 * One dataset kept on disk as an export file (the NDJSON `sanity dataset export` writes, which the
 * embedded content source reads) plus a journal of the transactions committed since the file was
 * last written.
 *
 * A transaction is acknowledged only once its journal line is on disk (written and fsynced). The
 * export file is replaced whole, never edited: written beside itself, fsynced, then renamed over
 * the old one, so a reader or a crash sees either the old file or the new one. Each journal line
 * holds the documents as they are after the transaction, so replaying a line twice (a crash between
 * the rename and emptying the journal) gives the same state.
 */

export interface DocumentChange {
  id: string
  /** The document after the transaction; null when it was deleted. */
  document: StoredDocument | null
}

export interface JournalEntry {
  transactionId: string
  timestamp: string
  changes: DocumentChange[]
}

export interface DurableDataset {
  readonly exportPath: string
  readonly documents: Map<string, StoredDocument>
  /** Writes the entry to the journal and waits until it is on disk. */
  append(entry: JournalEntry): Promise<void>
  /** Writes the export file from memory and empties the journal. */
  compact(): Promise<void>
  /** Journal entries written since the export file was last replaced. */
  readonly pendingEntries: number
  close(): Promise<void>
}

export class CorruptDatasetError extends Error {
  override name = 'CorruptDatasetError'
}

export function journalPathOf(exportPath: string): string {
  return `${exportPath}.journal`
}

export async function openDurableDataset(exportPath: string): Promise<DurableDataset> {
  await mkdir(dirname(exportPath), { recursive: true })
  const documents = await readExport(exportPath)
  const journalPath = journalPathOf(exportPath)
  const replayed = await replayJournal(journalPath, documents)
  let journal: FileHandle = await open(journalPath, 'a')
  let pendingEntries = replayed

  async function compact() {
    const temporaryPath = `${exportPath}.${process.pid}.tmp`
    const handle = await open(temporaryPath, 'w')
    try {
      await handle.writeFile(serialise(documents.values()))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporaryPath, exportPath)
    syncDirectory(dirname(exportPath))
    // Only now is every journal line in the export file: the journal can start again.
    await journal.truncate(0)
    await journal.sync()
    pendingEntries = 0
  }

  const dataset: DurableDataset = {
    exportPath,
    documents,
    get pendingEntries() {
      return pendingEntries
    },
    async append(entry) {
      await journal.write(`${JSON.stringify(entry)}\n`)
      await journal.datasync()
      pendingEntries += 1
    },
    compact,
    async close() {
      if (pendingEntries > 0) await compact()
      await journal.close()
      journal = undefined as unknown as FileHandle
    },
  }
  // A journal left by a crash is folded into the export file before anything else happens.
  if (replayed > 0) await compact()
  return dataset
}

/** Replaces the dataset's files with a copy of `seedPath` (a journal left behind is dropped). */
export async function seedDataset(exportPath: string, seedPath: string): Promise<number> {
  const documents = await readExport(seedPath)
  await mkdir(dirname(exportPath), { recursive: true })
  const temporaryPath = `${exportPath}.${process.pid}.tmp`
  const handle = await open(temporaryPath, 'w')
  try {
    await handle.writeFile(serialise(documents.values()))
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rm(journalPathOf(exportPath), { force: true })
  await rename(temporaryPath, exportPath)
  syncDirectory(dirname(exportPath))
  return documents.size
}

async function readExport(path: string): Promise<Map<string, StoredDocument>> {
  const { documents, problems } = parseNdjson(await readFile(path, 'utf8'))
  if (problems.length > 0) {
    // Never start on a file that lost documents: the next write would make the loss permanent.
    throw new CorruptDatasetError(
      `${path} has lines that are not documents (${problems
        .slice(0, 5)
        .map((problem) => `line ${problem.line}: ${problem.message}`)
        .join('; ')}); fix or reset it (pnpm lake:reset)`,
    )
  }
  return new Map(documents.map((document) => [document._id, document]))
}

async function replayJournal(journalPath: string, documents: Map<string, StoredDocument>): Promise<number> {
  let text: string
  try {
    text = await readFile(journalPath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
  const lines = text.split('\n')
  let replayed = 0
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue
    let entry: JournalEntry
    try {
      entry = JSON.parse(line) as JournalEntry
    } catch (error) {
      // A torn last line is a write cut short by a crash: it was never acknowledged.
      if (lines.slice(index + 1).every((rest) => !rest.trim())) break
      throw new CorruptDatasetError(`${journalPath} line ${index + 1} is not valid JSON (${(error as Error).message})`)
    }
    for (const change of entry.changes) {
      if (change.document) documents.set(change.id, change.document)
      else documents.delete(change.id)
    }
    replayed += 1
  }
  return replayed
}

function serialise(documents: Iterable<StoredDocument>): string {
  let text = ''
  for (const document of documents) text += `${JSON.stringify(document)}\n`
  return text
}

/** A rename is durable once the folder that holds it is synced. */
function syncDirectory(path: string): void {
  const descriptor = openSync(path, 'r')
  try {
    fsyncSync(descriptor)
  } finally {
    closeSync(descriptor)
  }
}
