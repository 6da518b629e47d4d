import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { StoredDocument } from '@microneedling/content/source/ndjson'
import { planActions } from './api/actions.ts'
import { createListenerHub, type ListenerHub } from './api/listener.ts'
import { type MutationResult, planMutations } from './api/mutations.ts'
import { answerProjectEndpoint, type ProjectContext } from './api/projectEndpoints.ts'
import { createFaultInjector, type SimulatedFailure } from './faults.ts'
import { isPrivateId, readPerspective } from './groq/perspectives.ts'
import { createQueryEngine, parseQuery } from './groq/queryEngine.ts'
import { type Access, accessOf, requireEditor } from './http/access.ts'
import { applyCors } from './http/cors.ts'
import { paramsFromSearch, readQueryRequest } from './http/queryRequest.ts'
import { sendError, sendJson } from './http/replies.ts'
import { readJsonBody } from './http/requestBody.ts'
import { LakeError } from './lakeError.ts'
import { createDocumentStore, type DocumentStore, type DocumentStoreOptions } from './store/documentStore.ts'
import { openDurableDataset, seedDataset } from './store/durableDataset.ts'
import { startRevalidationWebhooks, type WebhookSender, type WebhookSettings } from './webhooks/revalidationWebhooks.ts'

export type { SimulatedFailure } from './faults.ts'
export { unavailableDelayMs } from './faults.ts'
export type { WebhookDelivery } from './webhooks/revalidationWebhooks.ts'

/**
 * A local Content Lake: an HTTP server that speaks the part of Sanity's Content Lake API that
 * @sanity/client and the Sanity Studio use (queries with perspectives, documents by id, the
 * listener, the Actions and mutate APIs, the project endpoints a Studio boots on), over one export
 * file. Sanity has no local Content Lake; this one lets the Studio, the site and the scripts run
 * on one machine with no account, and lets the production code path be tested end to end.
 */

export interface LocalLakeOptions {
  /** The export file the lake keeps its documents in (NDJSON, as `sanity dataset export` writes). */
  exportPath: string
  /** Copied to `exportPath` when that file does not exist yet. */
  seedPath?: string
  /** The token editors and scripts send; without it a client reads published documents only. */
  token: string
  projectId?: string
  dataset?: string
  /** Where to listen: loopback unless told otherwise. */
  host?: string
  port?: number
  /** The signed webhook posted after each change to a published document (the site's /api/revalidate). */
  webhook?: Omit<WebhookSettings, 'dataset' | 'projectId'>
  /** Origins allowed beside this machine's (a Studio or site served elsewhere). */
  allowedOrigins?: readonly string[]
  editor?: ProjectContext['editor']
  store?: DocumentStoreOptions
}

/** A request as the lake saw it, for tests that check what a client sent. */
export interface RecordedRequest {
  method: string
  path: string
  endpoint: string
  query?: string
  params?: Record<string, unknown>
  perspective?: string | undefined
  authenticated: boolean
  projectIdHeader?: string | undefined
  outcome: 'answered' | 'rejected' | SimulatedFailure
  statusCode?: number
}

export interface LocalLake {
  /** Base URL for @sanity/client's `apiHost` (with `useProjectHostname: false`), or the Studio's. */
  readonly url: string
  readonly port: number
  readonly projectId: string
  readonly dataset: string
  readonly exportPath: string
  readonly token: string
  /** Every request received, in order; refused and failed ones included. */
  readonly requests: readonly RecordedRequest[]
  clearRequests(): void
  /** The next `count` query requests fail as described, then answering resumes. */
  failNext(count: number, failure: SimulatedFailure): void
  clearFailures(): void
  /** Creates or replaces a document, as a publish does (a `drafts.` id writes a draft), in one transaction. */
  setDocument(document: StoredDocument): Promise<void>
  /** Sets fields on a stored document; fails when the document does not exist. */
  patchDocument(id: string, fields: Record<string, unknown>): Promise<void>
  deleteDocument(id: string): Promise<void>
  getDocument(id: string): StoredDocument | undefined
  readonly webhooks: WebhookSender | undefined
  /** Starts (or points elsewhere) the signed webhook, for a site that starts after the lake. */
  sendWebhooksTo(settings: Omit<WebhookSettings, 'dataset' | 'projectId'>): WebhookSender
  readonly listeners: ListenerHub
  /** Writes the export file now, from the journal. */
  flush(): Promise<void>
  close(): Promise<void>
}

const apiPath = /^\/v(?:\d{4}-\d{2}-\d{2}|\d+|X)\/(.*)$/
const dataPath = /^data\/(query|doc|listen|mutate|actions)\/([^/]+)(?:\/(.*))?$/
const liveEventsPath = /^data\/live\/events\/([^/]+)$/

export async function startLocalLake(options: LocalLakeOptions): Promise<LocalLake> {
  const projectId = options.projectId ?? 'local'
  const dataset = options.dataset ?? 'production'
  if (!existsSync(options.exportPath)) {
    if (!options.seedPath) throw new Error(`${options.exportPath} does not exist and no seed file was given`)
    await seedDataset(options.exportPath, options.seedPath)
  }
  const store = createDocumentStore(await openDurableDataset(options.exportPath), options.store)
  const queries = createQueryEngine(store)
  const listeners = createListenerHub(store)
  const faults = createFaultInjector()
  let webhooks = options.webhook
    ? startRevalidationWebhooks(store, { ...options.webhook, dataset, projectId })
    : undefined
  const project: ProjectContext = {
    projectId,
    dataset,
    editor: options.editor ?? { id: 'local-editor', name: 'Local editor', email: 'editor@localhost' },
    keyValues: new Map(),
  }
  const requests: RecordedRequest[] = []

  async function answer(request: IncomingMessage, response: ServerResponse, record: RecordedRequest) {
    applyCors(request, response, options.allowedOrigins ?? [])
    if (request.method === 'OPTIONS') {
      response.writeHead(204)
      response.end()
      return
    }
    const url = new URL(request.url ?? '/', 'http://local-lake')
    const path = apiPath.exec(url.pathname)?.[1] ?? url.pathname.replace(/^\//, '')
    const access = accessOf(request, options.token)
    record.authenticated = access.kind === 'editor'
    const liveEvents = liveEventsPath.exec(path)
    if (liveEvents) {
      record.endpoint = 'data/live/events'
      if (decodeURIComponent(liveEvents[1] ?? '') !== dataset) {
        throw new LakeError(404, 'notFound', `Dataset "${decodeURIComponent(liveEvents[1] ?? '')}" not found`)
      }
      return listeners.openLiveEvents(response)
    }
    const data = dataPath.exec(path)
    if (!data) {
      record.endpoint = path.split('/').slice(0, 2).join('/')
      const body =
        request.method === 'PUT' || request.method === 'POST' || request.method === 'PATCH'
          ? await readJsonBody(request).catch(() => null)
          : undefined
      const answered = answerProjectEndpoint(request.method ?? 'GET', path, access, project, body)
      if (!answered)
        throw new LakeError(404, 'notFound', `The local Content Lake has no endpoint ${request.method} /${path}`)
      if (answered.contentType) {
        response.writeHead(answered.status, { 'content-type': answered.contentType })
        response.end(String(answered.body))
      } else {
        sendJson(response, answered.status, answered.body)
      }
      return
    }
    const [, endpoint = '', datasetName = '', rest] = data
    record.endpoint = `data/${endpoint}`
    if (decodeURIComponent(datasetName) !== dataset) {
      throw new LakeError(404, 'notFound', `Dataset "${decodeURIComponent(datasetName)}" not found`)
    }
    const apiVersion = /^\/v([^/]+)\//.exec(url.pathname)?.[1] ?? '1'
    switch (endpoint) {
      case 'query':
        return answerQuery(request, response, url, apiVersion, access, record)
      case 'doc':
        return answerDocuments(response, rest ?? '', url, access)
      case 'listen':
        record.query = url.searchParams.get('query') ?? undefined
        return answerListen(response, url, access)
      case 'mutate':
        return answerMutate(request, response, url, access)
      case 'actions':
        return answerActions(request, response, access)
    }
  }

  async function answerQuery(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    apiVersion: string,
    access: Access,
    record: RecordedRequest,
  ) {
    const queryRequest = await readQueryRequest(request, url, { apiVersion, dataset })
    Object.assign(record, {
      query: queryRequest.query,
      params: queryRequest.params,
      perspective: queryRequest.perspective,
      projectIdHeader: queryRequest.projectIdHeader,
    })
    const failure = faults.take()
    if (failure) {
      record.outcome = failure
      faults.simulate(failure, response)
      return
    }
    const startedAt = performance.now()
    const perspective = readPerspective(queryRequest.perspective, apiVersion)
    const result = await queries.run(queryRequest.query, queryRequest.params, perspective, access.kind === 'editor')
    const ms = Math.round(performance.now() - startedAt)
    // The real API echoes the query unless asked not to; @sanity/client asks not to by default.
    sendJson(response, 200, queryRequest.returnQuery ? { ms, query: queryRequest.query, result } : { ms, result })
  }

  function answerDocuments(response: ServerResponse, idList: string, url: URL, access: Access) {
    const ids = decodeURIComponent(idList).split(',').filter(Boolean)
    const excludeContent = url.searchParams.get('excludeContent') === 'true'
    const documents: StoredDocument[] = []
    const omitted: { id: string; reason: 'existence' | 'permission' }[] = []
    for (const id of ids) {
      const document = store.get(id)
      if (access.kind !== 'editor' && isPrivateId(id)) omitted.push({ id, reason: 'permission' })
      else if (!document) omitted.push({ id, reason: 'existence' })
      else if (!excludeContent) documents.push(document)
    }
    sendJson(response, 200, { documents, omitted })
  }

  function answerListen(response: ServerResponse, url: URL, access: Access) {
    const query = url.searchParams.get('query')
    if (!query) throw new LakeError(400, 'httpBadRequest', 'missing "query" parameter')
    const params = paramsFromSearch(url.searchParams)
    const flag = (name: string, fallback: boolean) => {
      const value = url.searchParams.get(name)
      return value === null ? fallback : value === 'true'
    }
    listeners.open(response, {
      tree: parseQuery(query, params),
      includeResult: flag('includeResult', true),
      includePreviousRevision: flag('includePreviousRevision', false),
      includeMutations: flag('includeMutations', true),
      includeAllVersions: flag('includeAllVersions', false),
      effects: url.searchParams.get('effectFormat') === 'mendoza',
      authenticated: access.kind === 'editor',
    })
  }

  async function answerMutate(request: IncomingMessage, response: ServerResponse, url: URL, access: Access) {
    requireEditor(access, 'Writing')
    const body = await readJsonBody(request)
    const mutations = isRecord(body) ? body.mutations : undefined
    const transactionId = isRecord(body) && typeof body.transactionId === 'string' ? body.transactionId : undefined
    let results: MutationResult[] = []
    const transaction = await store.transact(
      (view) => {
        const planned = planMutations(mutations, view)
        results = planned.results
        return planned.changes
      },
      { transactionId, identity: project.editor.id },
    )
    const returnDocuments = url.searchParams.get('returnDocuments') === 'true'
    const after = new Map(transaction.changes.map((change) => [change.id, change.after]))
    sendJson(response, 200, {
      transactionId: transaction.transactionId,
      results: results.map((result) =>
        returnDocuments ? { ...result, document: after.get(result.id) ?? store.get(result.id) ?? null } : result,
      ),
    })
  }

  async function answerActions(request: IncomingMessage, response: ServerResponse, access: Access) {
    requireEditor(access, 'Writing')
    const body = await readJsonBody(request)
    if (!isRecord(body)) throw new LakeError(400, 'httpBadRequest', 'The request body must be {"actions": [...]}')
    const transactionId = typeof body.transactionId === 'string' ? body.transactionId : undefined
    const transaction = await store.transact((view) => planActions(body.actions, view), {
      transactionId,
      identity: project.editor.id,
    })
    sendJson(response, 200, { transactionId: transaction.transactionId })
  }

  const server = createServer((request, response) => {
    const record: RecordedRequest = {
      method: request.method ?? '',
      path: (request.url ?? '').split('?')[0] ?? '',
      endpoint: '',
      authenticated: false,
      outcome: 'answered',
    }
    requests.push(record)
    response.on('finish', () => {
      record.statusCode = response.statusCode
      if (response.statusCode >= 400 && record.outcome === 'answered') record.outcome = 'rejected'
    })
    answer(request, response, record).catch((error: unknown) => {
      if (error instanceof LakeError)
        return sendError(response, error.statusCode, error.type, error.message, error.details)
      console.error('[local-lake] request failed:', error)
      sendError(response, 500, 'internalError', String(error))
    })
  })
  server.headersTimeout = 30_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1'

  function transactOne(plan: Parameters<DocumentStore['transact']>[0]) {
    return store.transact(plan, { identity: 'local-lake' }).then(() => undefined)
  }

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    projectId,
    dataset,
    exportPath: options.exportPath,
    token: options.token,
    requests,
    clearRequests: () => {
      requests.length = 0
    },
    failNext: (count, failure) => faults.failNext(count, failure),
    clearFailures: () => faults.clear(),
    setDocument: (document) =>
      transactOne(() => [
        { id: document._id, after: structuredClone(document), mutations: [{ createOrReplace: document }] },
      ]),
    patchDocument: (id, fields) =>
      transactOne((view) => {
        const current = view.get(id)
        if (!current) throw new LakeError(404, 'documentNotFoundError', `cannot patch ${id}: no such document`)
        const after = { ...current, ...structuredClone(fields), _id: id, _type: current._type }
        return [{ id, after, mutations: [{ patch: { id, set: fields } }] }]
      }),
    deleteDocument: (id) => transactOne(() => [{ id, after: null, mutations: [{ delete: { id } }] }]),
    getDocument: (id) => store.get(id),
    get webhooks() {
      return webhooks
    },
    sendWebhooksTo(settings) {
      webhooks?.close()
      webhooks = startRevalidationWebhooks(store, { ...settings, dataset, projectId })
      return webhooks
    },
    listeners,
    flush: () => store.flush(),
    async close() {
      webhooks?.close()
      listeners.close()
      faults.releaseHanging()
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
      await store.close()
    },
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
