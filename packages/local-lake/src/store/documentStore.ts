import type { StoredDocument } from '@microneedling/content/source/ndjson'
import { uuid } from '@sanity/uuid'
import { LakeError } from '../lakeError.ts'
import type { DocumentChange, DurableDataset } from './durableDataset.ts'

/**
 * The documents of one dataset and the only way to change them: a transaction, planned against the
 * current documents and committed whole or not at all. Transactions run one at a time, in order of
 * arrival; each is on disk before its promise resolves, and only then do listeners hear of it.
 */

/** What a mutation or action changed about one document, for the listener and the webhook. */
export interface CommittedChange {
  id: string
  before: StoredDocument | null
  after: StoredDocument | null
  /** The mutations that turn `before` into `after`, as the listener's `mutations` field carries them. */
  mutations: Record<string, unknown>[]
}

export interface CommittedTransaction {
  transactionId: string
  timestamp: string
  identity: string
  changes: CommittedChange[]
}

/** A document as a plan sets it: the store stamps `_rev`, `_createdAt` and `_updatedAt`. */
export interface PlannedChange {
  id: string
  after: StoredDocument | null
  mutations: Record<string, unknown>[]
}

/** Reads the documents as the transaction so far has left them. */
export interface TransactionView {
  get(id: string): StoredDocument | undefined
  /** Every document, for mutations selected by a query. */
  all(): Iterable<StoredDocument>
}

export interface DocumentStore {
  get(id: string): StoredDocument | undefined
  all(): readonly StoredDocument[]
  /** Changes whenever a transaction commits: a cheap key for caches of query views. */
  readonly generation: number
  transact(
    plan: (view: TransactionView) => PlannedChange[],
    options?: { transactionId?: string; identity?: string },
  ): Promise<CommittedTransaction>
  subscribe(listener: (transaction: CommittedTransaction) => void): () => void
  /** Waits for every transaction so far, then writes the export file if the journal holds any. */
  flush(): Promise<void>
  close(): Promise<void>
}

export interface DocumentStoreOptions {
  /** How long after the last transaction the export file is rewritten from the journal. */
  compactAfterMs?: number
  /** The export file is rewritten at once when the journal holds this many transactions. */
  compactEvery?: number
}

export function createDocumentStore(dataset: DurableDataset, options: DocumentStoreOptions = {}): DocumentStore {
  const compactAfterMs = options.compactAfterMs ?? 150
  const compactEvery = options.compactEvery ?? 200
  const documents = dataset.documents
  const listeners = new Set<(transaction: CommittedTransaction) => void>()
  let generation = 0
  let snapshot: StoredDocument[] | undefined
  let queue: Promise<unknown> = Promise.resolve()
  let compactTimer: NodeJS.Timeout | undefined
  let closed = false

  /** Runs `task` after every task queued before it: writes and compactions never overlap. */
  function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }

  function scheduleCompaction() {
    if (dataset.pendingEntries >= compactEvery) {
      clearTimeout(compactTimer)
      void serially(() => compactNow())
      return
    }
    clearTimeout(compactTimer)
    compactTimer = setTimeout(() => void serially(() => compactNow()), compactAfterMs)
    compactTimer.unref()
  }

  async function compactNow() {
    if (dataset.pendingEntries > 0 && !closed) await dataset.compact()
  }

  async function commit(
    plan: (view: TransactionView) => PlannedChange[],
    transactionId: string,
    identity: string,
  ): Promise<CommittedTransaction> {
    if (closed) throw new LakeError(503, 'unavailable', 'the local Content Lake is shutting down')
    // The plan sees its own earlier changes (a create then a patch of the same id).
    const staged = new Map<string, StoredDocument | null>()
    const view: TransactionView = {
      get: (id) => (staged.has(id) ? (staged.get(id) ?? undefined) : documents.get(id)),
      *all() {
        for (const [id, document] of documents) if (!staged.has(id)) yield document
        for (const document of staged.values()) if (document) yield document
      },
    }
    const planned = plan(view)
    const timestamp = new Date().toISOString()
    const changes = new Map<string, CommittedChange>()
    for (const change of planned) {
      const before = documents.get(change.id) ?? null
      const after = change.after && stamp(change.after, before, transactionId, timestamp)
      const existing = changes.get(change.id)
      if (existing) {
        existing.after = after
        existing.mutations.push(...change.mutations)
      } else {
        changes.set(change.id, { id: change.id, before, after, mutations: [...change.mutations] })
      }
      staged.set(change.id, after)
    }
    // A change that leaves a missing document missing is no change at all.
    const committed = [...changes.values()].filter((change) => change.before !== null || change.after !== null)
    const durableChanges: DocumentChange[] = committed.map((change) => ({ id: change.id, document: change.after }))
    if (durableChanges.length > 0) {
      await dataset.append({ transactionId, timestamp, changes: durableChanges })
      for (const change of committed) {
        if (change.after) documents.set(change.id, change.after)
        else documents.delete(change.id)
      }
      generation += 1
      snapshot = undefined
      scheduleCompaction()
    }
    const transaction = { transactionId, timestamp, identity, changes: committed }
    for (const listener of listeners) {
      try {
        listener(transaction)
      } catch (error) {
        console.error('[local-lake] a transaction listener failed:', error)
      }
    }
    return transaction
  }

  return {
    get: (id) => documents.get(id),
    all() {
      snapshot ??= [...documents.values()]
      return snapshot
    },
    get generation() {
      return generation
    },
    transact(plan, transactionOptions = {}) {
      const transactionId = transactionOptions.transactionId ?? uuid()
      const identity = transactionOptions.identity ?? 'local-lake'
      return serially(() => commit(plan, transactionId, identity))
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async flush() {
      clearTimeout(compactTimer)
      await serially(() => compactNow())
      await dataset.compacted()
    },
    async close() {
      clearTimeout(compactTimer)
      await serially(async () => {
        closed = true
        await dataset.close()
      })
      listeners.clear()
    },
  }
}

/** What the Content Lake stamps on every document it writes: a new revision and its times. */
function stamp(
  document: StoredDocument,
  before: StoredDocument | null,
  transactionId: string,
  timestamp: string,
): StoredDocument {
  return {
    ...document,
    _createdAt: before?._createdAt ?? (typeof document._createdAt === 'string' ? document._createdAt : timestamp),
    _updatedAt: timestamp,
    _rev: transactionId,
  }
}
