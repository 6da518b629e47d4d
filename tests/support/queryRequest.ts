import type { IncomingMessage } from 'node:http'

/**
 * Reads a GROQ query request the way the Content Lake's HTTP API receives it from @sanity/client
 * (see `encodeQueryString` and `_dataRequestOptions` in @sanity/client's `src/data/`):
 *
 * - GET  /v{apiVersion}/data/query/{dataset}?query=<GROQ>&$<name>=<JSON value>&perspective=...&returnQuery=false
 * - POST /v{apiVersion}/data/query/{dataset}?perspective=...&returnQuery=false with a JSON body
 *   `{query, params}` (params without the `$`). The client switches to POST when the encoded GET
 *   query string would reach 11264 characters.
 */
export interface QueryRequest {
  method: 'GET' | 'POST'
  apiVersion: string
  dataset: string
  query: string
  params: Record<string, unknown>
  /** As sent; absent means the API version's default. */
  perspective: string | undefined
  returnQuery: boolean
  /** Whether a bearer token came with the request: anonymous readers never see drafts. */
  authenticated: boolean
  /** @sanity/client sends the project id as a header when it does not use a project host name. */
  projectIdHeader: string | undefined
}

/** A request the Content Lake would refuse: its status code and error type go into the reply. */
export class BadQueryRequest extends Error {
  readonly statusCode: number
  readonly type: string
  constructor(statusCode: number, type: string, message: string) {
    super(message)
    this.statusCode = statusCode
    this.type = type
  }
}

const queryPath = /^\/v(\d{4}-\d{2}-\d{2}|1|X)\/data\/query\/([^/]+)\/?$/

export async function readQueryRequest(request: IncomingMessage): Promise<QueryRequest> {
  const url = new URL(request.url ?? '/', 'http://stand-in')
  const match = queryPath.exec(url.pathname)
  if (!match) throw new BadQueryRequest(404, 'notFound', `no such endpoint: ${request.method} ${url.pathname}`)
  const [, apiVersion = '', dataset = ''] = match
  const common = {
    apiVersion,
    dataset: decodeURIComponent(dataset),
    perspective: url.searchParams.get('perspective') ?? undefined,
    returnQuery: url.searchParams.get('returnQuery') !== 'false',
    authenticated: /^Bearer \S+/.test(request.headers.authorization ?? ''),
    projectIdHeader: header(request, 'x-sanity-project-id'),
  }

  if (request.method === 'GET') {
    const query = url.searchParams.get('query')
    if (query === null) throw new BadQueryRequest(400, 'httpBadRequest', 'missing "query" parameter')
    return { method: 'GET', query, params: paramsFromSearch(url.searchParams), ...common }
  }
  if (request.method === 'POST') {
    const body = await readJsonBody(request)
    if (!isRecord(body) || typeof body.query !== 'string') {
      throw new BadQueryRequest(400, 'httpBadRequest', 'the request body must be {"query": string, "params"?: object}')
    }
    const params = body.params ?? {}
    if (!isRecord(params)) throw new BadQueryRequest(400, 'httpBadRequest', '"params" must be an object')
    return { method: 'POST', query: body.query, params, ...common }
  }
  throw new BadQueryRequest(405, 'methodNotAllowed', `${request.method} is not allowed on the query endpoint`)
}

/** `$name` search parameters carry JSON; an unquoted string is the mistake the real API names. */
function paramsFromSearch(searchParams: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, raw] of searchParams) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(raw)
    } catch {
      throw new BadQueryRequest(
        400,
        'httpBadRequest',
        `Unable to parse value of "${key}=${raw}". Please quote string values.`,
      )
    }
  }
  return params
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new BadQueryRequest(400, 'httpBadRequest', 'the request body is not valid JSON')
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
