import type { ServerResponse } from 'node:http'

export function sendJson(response: ServerResponse, statusCode: number, body: unknown): void {
  if (response.headersSent || response.destroyed) return
  const text = JSON.stringify(body)
  response.writeHead(statusCode, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  response.end(text)
}

/**
 * The Content Lake's error body, `{error: {description, type, ...}}`; @sanity/client puts the
 * description in the message it throws. 401s also carry `message` and Sanity's session code, which
 * the Studio reads to decide whether the editor was signed out.
 */
export function sendError(
  response: ServerResponse,
  statusCode: number,
  type: string,
  description: string,
  details = {},
) {
  const body: Record<string, unknown> = { error: { description, type, ...details }, statusCode }
  if (statusCode === 401) Object.assign(body, { message: description, code: 'SIO-401-ANF' })
  sendJson(response, statusCode, body)
}
