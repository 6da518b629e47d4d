import { closeSync, fsyncSync, openSync } from 'node:fs'
import { type FileHandle, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { parseNdjson, type StoredDocument } from '@microneedling/content/source/ndjson'

/**
 * One dataset kept on disk as an export file (the NDJSON `sanity dataset export` writes, which the
 * embedded content source reads) plus a journal of the transactions committed since the file was
 * last written.
 *
 * A transaction is acknowledged only once its journal line is on disk (written and fsynced). The
 * export file is replaced whole, never edited: written beside itself, fsynced, then renamed over
 * the old one, so a reader or a crash sees either the old file or the new one. The journal is kept
 * in numbered segments: writing the export file starts a new segment, so transactions go on while
 * the file is written, and the older segments are deleted once it is in place. Each journal line
 * holds the documents as they are after the transaction, so replaying a segment that the export
 * file already holds (a crash before it was deleted) gives the same state.
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
  /**
   * Starts writing the export file from the documents as they are now, and returns once it has
   * started: the journal moves on to a new segment at once, so transactions are not held up while
   * the file is written. Call it between appends, never during one.
   */
  compact(): Promise<void>
  /** Resolves when the export file being written, if any, is in place. */
  compacted(): Promise<void>
  /** Journal entries written since the export file was last started. */
  readonly pendingEntries: number
  close(): Promise<void>
}

export class CorruptDatasetError extends Error {
  override name = 'CorruptDatasetError'
}

/** Journal segments sit beside the export file: `<export>.journal.<n>`, replayed in order of n. */
function segmentPath(exportPath: string, segment: number): string {
  return `${exportPath}.journal.${segment}`
}

async function journalSegments(exportPath: string): Promise<number[]> {
  const prefix = `${basename(exportPath)}.journal.`
  const names = await readdir(dirname(exportPath))
  return names
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => Number(name.slice(prefix.length)))
    .sort((a, b) => a - b)
}

export async function openDurableDataset(exportPath: string): Promise<DurableDataset> {
  await mkdir(dirname(exportPath), { recursive: true })
  const documents = await readExport(exportPath)
  const leftover = await journalSegments(exportPath)
  let replayed = 0
  for (const segment of leftover) replayed += await replayJournal(segmentPath(exportPath, segment), documents)
  // A journal left by a crash is folded into the export file before anything else happens.
  if (replayed > 0) await writeExport(exportPath, [...documents.values()])
  for (const segment of leftover) await rm(segmentPath(exportPath, segment), { force: true })
  if (leftover.length > 0) syncDirectory(dirname(exportPath))

  let segment = (leftover.at(-1) ?? 0) + 1
  let journal: FileHandle = await open(segmentPath(exportPath, segment), 'a')
  let pendingEntries = 0
  let writing: Promise<void> | undefined

  async function compact() {
    // One export file at a time; a second request waits for the first to be in place.
    if (writing) await writing
    if (pendingEntries === 0) return
    const finished = segment
    await journal.close()
    segment += 1
    journal = await open(segmentPath(exportPath, segment), 'a')
    syncDirectory(dirname(exportPath))
    pendingEntries = 0
    // Documents are replaced, never changed in place: this list is the state as of now.
    const snapshot = [...documents.values()]
    writing = (async () => {
      await writeExport(exportPath, snapshot)
      // Only now is every entry of the finished segments in the export file.
      for (const old of await journalSegments(exportPath)) {
        if (old <= finished) await rm(segmentPath(exportPath, old), { force: true })
      }
      syncDirectory(dirname(exportPath))
    })()
      // A failure is logged; the segments stay, so the next start replays them.
      .catch((error: unknown) => console.error(`[local-lake] could not write ${exportPath}:`, error))
      .finally(() => {
        writing = undefined
      })
  }

  return {
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
    async compacted() {
      await writing
    },
    async close() {
      await compact()
      await writing
      await journal.close()
      // An empty last segment is left out: the next start would only delete it.
      if (pendingEntries === 0) await rm(segmentPath(exportPath, segment), { force: true })
    },
  }
}

/** Writes the whole export file beside itself, fsyncs it and renames it over the old one. */
async function writeExport(exportPath: string, documents: readonly StoredDocument[]): Promise<void> {
  const temporaryPath = `${exportPath}.${process.pid}.tmp`
  const handle = await open(temporaryPath, 'w')
  try {
    await handle.writeFile(serialise(documents))
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temporaryPath, exportPath)
  syncDirectory(dirname(exportPath))
}

/** Replaces the dataset's files with a copy of `seedPath` (a journal left behind is dropped). */
export async function seedDataset(exportPath: string, seedPath: string): Promise<number> {
  const documents = await readExport(seedPath)
  await mkdir(dirname(exportPath), { recursive: true })
  for (const segment of await journalSegments(exportPath)) await rm(segmentPath(exportPath, segment), { force: true })
  await writeExport(exportPath, [...documents.values()])
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
