import type { IncomingMessage } from 'node:http'
import { LakeError } from '../lakeError.ts'
import { readJsonBody } from './requestBody.ts'

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
  /** @sanity/client sends the project id as a header when it does not use a project host name. */
  projectIdHeader: string | undefined
}

export async function readQueryRequest(
  request: IncomingMessage,
  url: URL,
  route: { apiVersion: string; dataset: string },
): Promise<QueryRequest> {
  const common = {
    apiVersion: route.apiVersion,
    dataset: route.dataset,
    perspective: url.searchParams.get('perspective') ?? undefined,
    returnQuery: url.searchParams.get('returnQuery') !== 'false',
    projectIdHeader: header(request, 'x-sanity-project-id'),
  }

  if (request.method === 'GET') {
    const query = url.searchParams.get('query')
    if (query === null) throw new LakeError(400, 'httpBadRequest', 'missing "query" parameter')
    return { method: 'GET', query, params: paramsFromSearch(url.searchParams), ...common }
  }
  if (request.method === 'POST') {
    const body = await readJsonBody(request)
    if (!isRecord(body) || typeof body.query !== 'string') {
      throw new LakeError(400, 'httpBadRequest', 'the request body must be {"query": string, "params"?: object}')
    }
    const params = body.params ?? {}
    if (!isRecord(params)) throw new LakeError(400, 'httpBadRequest', '"params" must be an object')
    return { method: 'POST', query: body.query, params, ...common }
  }
  throw new LakeError(405, 'methodNotAllowed', `${request.method} is not allowed on the query endpoint`)
}

/** `$name` search parameters carry JSON; an unquoted string is the mistake the real API names. */
export function paramsFromSearch(searchParams: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, raw] of searchParams) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(raw)
    } catch {
      throw new LakeError(
        400,
        'httpBadRequest',
        `Unable to parse value of "${key}=${raw}". Please quote string values.`,
      )
    }
  }
  return params
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
