import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseNdjson, type StoredDocument } from '@microneedling/content/source/ndjson'
import { applyPerspective } from '@microneedling/content/source/perspective'
import { type ExprNode, evaluate, GroqSyntaxError, parse } from 'groq-js'
import { BadQueryRequest, type QueryRequest, readQueryRequest } from './queryRequest.ts'

/**
 * A local stand-in for the Content Lake's HTTP query API, answering with groq-js over an NDJSON
 * export. Sanity's hosted API cannot be reached from these machines, so the production content
 * source (the real @sanity/client) is tested against this instead. It only speaks the query
 * endpoint; anything else gets a 404 so a test notices an unexpected call.
 */

/**
 * How the next requests fail: a 500 reply, no reply at all, a 200 whose JSON is cut short, or a
 * 503 after a short wait (which @sanity/client retries, as it does 429 and 502).
 */
export type SimulatedFailure = 'serverError' | 'hang' | 'malformedJson' | 'unavailable'

/** How long an 'unavailable' reply takes: each attempt is quick, but retries add up. */
export const unavailableDelayMs = 150

export interface RecordedRequest {
  method: string
  path: string
  /** Decoded query request, when it could be read. */
  query?: string
  params?: Record<string, unknown>
  perspective?: string | undefined
  authenticated?: boolean
  projectIdHeader?: string | undefined
  outcome: 'answered' | 'rejected' | SimulatedFailure
  statusCode?: number
}

export interface ContentLakeStandIn {
  /** Base URL to pass to @sanity/client as `apiHost` (with `useProjectHostname: false`). */
  url: string
  port: number
  /** Every request received, in order; failed and rejected ones included. */
  requests: readonly RecordedRequest[]
  /** Creates or replaces a document by `_id`, as a publish does (a `drafts.` id writes a draft). */
  setDocument(document: StoredDocument): void
  /** Sets fields on a stored document, as a patch does; fails when the document does not exist. */
  patchDocument(id: string, fields: Record<string, unknown>): void
  deleteDocument(id: string): void
  /** The next `count` query requests fail as described, then answering resumes. */
  failNext(count: number, failure: SimulatedFailure): void
  /** Forgets failures still queued by failNext: answering resumes with the next request. */
  clearFailures(): void
  clearRequests(): void
  close(): Promise<void>
}

export interface StandInOptions {
  datasetPath: string
  /** The only dataset name answered; any other gets a 404, as a misconfigured dataset would. */
  dataset?: string
  port?: number
}

export async function startContentLakeStandIn(options: StandInOptions): Promise<ContentLakeStandIn> {
  const datasetName = options.dataset ?? 'production'
  const documents = await loadDocuments(options.datasetPath)
  const requests: RecordedRequest[] = []
  const failures: SimulatedFailure[] = []
  const hanging = new Set<ServerResponse>()
  const parsedQueries = new Map<string, ExprNode>()

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const record: RecordedRequest = {
      method: request.method ?? '',
      path: (request.url ?? '').split('?')[0] ?? '',
      outcome: 'answered',
    }
    requests.push(record)
    let queryRequest: QueryRequest
    try {
      queryRequest = await readQueryRequest(request)
      Object.assign(record, {
        query: queryRequest.query,
        params: queryRequest.params,
        perspective: queryRequest.perspective,
        authenticated: queryRequest.authenticated,
        projectIdHeader: queryRequest.projectIdHeader,
      })
      if (queryRequest.dataset !== datasetName) {
        throw new BadQueryRequest(404, 'notFound', `Dataset "${queryRequest.dataset}" not found`)
      }
    } catch (error) {
      return replyWithError(response, record, error)
    }

    const failure = failures.shift()
    if (failure) {
      record.outcome = failure
      return simulate(failure, response, record)
    }

    const startedAt = performance.now()
    try {
      const perspective = queryRequest.perspective ?? defaultPerspective(queryRequest.apiVersion)
      const visible = visibleDocuments(documents, perspective, queryRequest.authenticated)
      const tree = parseQuery(queryRequest.query, queryRequest.params)
      requireParams(tree, queryRequest.params)
      const result = await (await evaluate(tree, { dataset: visible, params: queryRequest.params })).get()
      const ms = Math.round(performance.now() - startedAt)
      // The real API echoes the query unless asked not to; @sanity/client asks not to by default.
      const body = queryRequest.returnQuery ? { ms, query: queryRequest.query, result } : { ms, result }
      record.statusCode = 200
      sendJson(response, 200, body)
    } catch (error) {
      replyWithError(response, record, error)
    }
  }

  /** Parameters go into the parse, as on the Content Lake: slices (`[$start...$end]`) need them there. */
  function parseQuery(query: string, params: Record<string, unknown>): ExprNode {
    const key = `${query}\n${JSON.stringify(params)}`
    let tree = parsedQueries.get(key)
    if (!tree) {
      try {
        tree = parse(query, { params })
      } catch (error) {
        if (error instanceof GroqSyntaxError) throw new BadQueryRequest(400, 'queryParseError', error.message)
        throw error
      }
      parsedQueries.set(key, tree)
    }
    return tree
  }

  function simulate(failure: SimulatedFailure, response: ServerResponse, record: RecordedRequest) {
    switch (failure) {
      case 'serverError':
        record.statusCode = 500
        return sendJson(response, 500, {
          error: 'Internal Server Error',
          message: 'simulated failure (stand-in)',
          statusCode: 500,
        })
      case 'malformedJson':
        record.statusCode = 200
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        return response.end('{"ms":1,"result":[{"_id":"cut-short"')
      case 'unavailable':
        record.statusCode = 503
        setTimeout(() => {
          if (!response.destroyed)
            sendJson(response, 503, { error: { description: 'simulated overload (stand-in)', type: 'unavailable' } })
        }, unavailableDelayMs)
        return
      case 'hang':
        // Headers are never sent: the client sees a connection that stays open until it gives up.
        hanging.add(response)
        response.on('close', () => hanging.delete(response))
        return
    }
  }

  function setDocument(document: StoredDocument) {
    const previous = documents.get(document._id)
    const now = new Date().toISOString()
    // Writes through the Content Lake always stamp these; pages rely on _updatedAt for "last updated".
    documents.set(document._id, {
      ...document,
      _createdAt: previous?._createdAt ?? document._createdAt ?? now,
      _updatedAt: now,
      _rev: randomUUID(),
    })
  }

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        sendJson(response, 500, { error: 'Internal Server Error', message: String(error), statusCode: 500 })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setDocument,
    patchDocument(id, fields) {
      const current = documents.get(id)
      if (!current) throw new Error(`stand-in: cannot patch ${id}: no such document`)
      setDocument({ ...current, ...fields, _id: id, _type: current._type })
    },
    deleteDocument(id) {
      documents.delete(id)
    },
    failNext(count, failure) {
      for (let index = 0; index < count; index += 1) failures.push(failure)
    },
    clearFailures() {
      failures.length = 0
    },
    clearRequests() {
      requests.length = 0
    },
    async close() {
      for (const response of hanging) response.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
}

async function loadDocuments(datasetPath: string): Promise<Map<string, StoredDocument>> {
  const { documents, problems } = parseNdjson(await readFile(datasetPath, 'utf8'))
  if (problems.length > 0) {
    // A stand-in that silently drops documents would hide the very differences the tests look for.
    throw new Error(
      `stand-in: ${datasetPath} has unreadable lines: ${problems.map((p) => `${p.line}: ${p.message}`).join('; ')}`,
    )
  }
  return new Map(documents.map((document) => [document._id, document]))
}

/** Sanity's change of default: from this API version on, queries read published documents. */
const publishedByDefaultSince = '2025-02-19'

function defaultPerspective(apiVersion: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(apiVersion) && apiVersion >= publishedByDefaultSince ? 'published' : 'raw'
}

function visibleDocuments(
  documents: Map<string, StoredDocument>,
  perspective: string,
  authenticated: boolean,
): StoredDocument[] {
  // Drafts live under a private id path: without a token the Content Lake does not show them at all.
  const readable = [...documents.values()].filter((document) => authenticated || !document._id.startsWith('drafts.'))
  switch (perspective) {
    case 'raw':
      return readable
    case 'published':
    case 'drafts':
      return applyPerspective(readable, perspective)
    default:
      throw new BadQueryRequest(400, 'httpBadRequest', `the stand-in does not support perspective "${perspective}"`)
  }
}

/** The real API refuses a query that names a parameter it was not given; groq-js would read it as null. */
function requireParams(tree: ExprNode, params: Record<string, unknown>): void {
  for (const name of parameterNames(tree)) {
    if (!(name in params))
      throw new BadQueryRequest(400, 'queryParseError', `param $${name} referenced, but not provided`)
  }
}

function parameterNames(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) parameterNames(child, found)
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>
    if (record.type === 'Parameter' && typeof record.name === 'string') found.add(record.name)
    for (const value of Object.values(record)) parameterNames(value, found)
  }
  return found
}

function replyWithError(response: ServerResponse, record: RecordedRequest, error: unknown) {
  const known = error instanceof BadQueryRequest
  const statusCode = known ? error.statusCode : 500
  record.outcome = 'rejected'
  record.statusCode = statusCode
  // The Content Lake's error body: `{error: {description, type}}`; @sanity/client puts the description in its message.
  sendJson(response, statusCode, {
    error: {
      description: error instanceof Error ? error.message : String(error),
      type: known ? error.type : 'internalError',
    },
  })
}

function sendJson(response: ServerResponse, statusCode: number, body: unknown) {
  response.writeHead(statusCode, { 'content-type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(body))
}

/**
 * The environment that points the site (or `createContentSource`) at a stand-in, exactly as a
 * deployment would point it at the Content Lake, with SANITY_API_HOST replacing the hosted API.
 */
export function contentLakeEnvironment(
  standIn: Pick<ContentLakeStandIn, 'url'>,
  dataset = 'production',
): Record<string, string> {
  return {
    NEXT_PUBLIC_SANITY_PROJECT_ID: 'standin',
    NEXT_PUBLIC_SANITY_DATASET: dataset,
    SANITY_API_HOST: standIn.url,
  }
}
