import type { ServerResponse } from 'node:http'
import type { StoredDocument } from '@microneedling/content/source/ndjson'
import type { ExprNode } from 'groq-js'
import { querySelects } from '../groq/evaluateFilter.ts'
import { isPrivateId } from '../groq/perspectives.ts'
import type { CommittedChange, CommittedTransaction, DocumentStore } from '../store/documentStore.ts'

/**
 * The listener (`GET /data/listen/<dataset>`): server-sent events, a named `welcome` first, then a
 * named `mutation` event for each document a transaction changed that the listener's query selects
 * before or after the change. Each carries what @sanity/client and the Studio read: revisions, the
 * transition, the mutations (which the Studio applies with @sanity/mutator) and mendoza effects
 * (`[0, value]` is mendoza's "the whole new value" patch, `[0, null]` a deletion).
 */

export interface ListenOptions {
  tree: ExprNode
  includeResult: boolean
  includePreviousRevision: boolean
  includeMutations: boolean
  effects: boolean
  includeAllVersions: boolean
  authenticated: boolean
}

interface Connection extends ListenOptions {
  response: ServerResponse
}

const keepAliveMs = 20_000

export interface ListenerHub {
  open(response: ServerResponse, options: ListenOptions): void
  /**
   * The Live Content API's stream (`/data/live/events`), which the Presentation tool keeps open.
   * Its messages name the sync tags of changed query results; the lake's answers carry none, so
   * the stream only welcomes, and readers refresh on the listener and the webhook instead.
   */
  openLiveEvents(response: ServerResponse): void
  readonly connections: number
  close(): void
}

export function createListenerHub(store: DocumentStore): ListenerHub {
  const connections = new Set<Connection>()
  const liveConnections = new Set<Pick<Connection, 'response'>>()
  const unsubscribe = store.subscribe((transaction) => {
    for (const connection of connections) deliver(connection, transaction)
  })
  const keepAlive = setInterval(() => {
    for (const connection of [...connections, ...liveConnections]) connection.response.write(': keep-alive\n\n')
  }, keepAliveMs)
  keepAlive.unref()

  return {
    open(response, options) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
      })
      const connection = { ...options, response }
      connections.add(connection)
      response.on('close', () => connections.delete(connection))
      writeEvent(response, 'welcome', { listenerName: `local-${Math.random().toString(36).slice(2, 10)}` })
    },
    openLiveEvents(response) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
      })
      const connection = { response }
      liveConnections.add(connection)
      response.on('close', () => liveConnections.delete(connection))
      writeEvent(response, 'welcome', {})
    },
    get connections() {
      return connections.size
    },
    close() {
      clearInterval(keepAlive)
      unsubscribe()
      for (const connection of [...connections, ...liveConnections]) connection.response.end()
      connections.clear()
      liveConnections.clear()
    },
  }
}

function deliver(connection: Connection, transaction: CommittedTransaction): void {
  const matching = transaction.changes.filter((change) => selects(connection, change))
  matching.forEach((change, index) => {
    writeEvent(connection.response, 'mutation', mutationEvent(connection, transaction, change, index, matching.length))
  })
}

function selects(connection: Connection, change: CommittedChange): boolean {
  if (!connection.authenticated && isPrivateId(change.id)) return false
  if (!connection.includeAllVersions && change.id.startsWith('versions.')) return false
  try {
    return querySelects(connection.tree, change.before) || querySelects(connection.tree, change.after)
  } catch {
    return false
  }
}

function mutationEvent(
  connection: Connection,
  transaction: CommittedTransaction,
  change: CommittedChange,
  index: number,
  total: number,
): Record<string, unknown> {
  const transition = change.before === null ? 'appear' : change.after === null ? 'disappear' : 'update'
  const event: Record<string, unknown> = {
    eventId: `${transaction.transactionId}#${change.id}`,
    documentId: change.id,
    transactionId: transaction.transactionId,
    identity: transaction.identity,
    timestamp: transaction.timestamp,
    resultRev: change.after?._rev ?? transaction.transactionId,
    transition,
    visibility: 'query',
    transactionTotalEvents: total,
    transactionCurrentEvent: index + 1,
  }
  if (change.before) event.previousRev = change.before._rev
  if (connection.includeMutations) event.mutations = change.mutations
  if (connection.includeResult && change.after) event.result = change.after
  if (connection.includePreviousRevision && change.before) event.previous = change.before
  if (connection.effects) {
    event.effects = { apply: [0, withoutRev(change.after)], revert: [0, withoutRev(change.before)] }
  }
  return event
}

function withoutRev(document: StoredDocument | null): Omit<StoredDocument, '_rev'> | null {
  if (!document) return null
  const { _rev: _ignored, ...rest } = document
  return rest
}

function writeEvent(response: ServerResponse, name: string, data: unknown): void {
  response.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`)
}
