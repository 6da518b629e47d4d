import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { LakeError } from '../lakeError.ts'
import { isLoopbackHost } from './cors.ts'

/**
 * Who is asking. Without a token a client is an anonymous reader of a public dataset: published
 * documents only. With the lake's token it may read drafts and write. A wrong token is refused, as
 * the Content Lake refuses one; so is any token sent over plain http from another machine, where
 * anyone on the network could read it.
 */
export type Access = { kind: 'anonymous' } | { kind: 'editor' }

export function accessOf(request: IncomingMessage, token: string): Access {
  const header = request.headers.authorization
  if (!header) return { kind: 'anonymous' }
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match) throw new LakeError(401, 'unauthorized', 'The Authorization header must be "Bearer <token>"')
  const remote = request.socket.remoteAddress ?? ''
  const encrypted = 'encrypted' in request.socket && Boolean(request.socket.encrypted)
  if (!encrypted && !isLoopbackHost(remote)) {
    throw new LakeError(
      401,
      'unauthorized',
      'Tokens are accepted over plain http only from this machine; use https or connect on loopback',
    )
  }
  if (!sameSecret(match[1] ?? '', token))
    throw new LakeError(401, 'unauthorized', 'Session not found: the token is not valid for this Content Lake')
  return { kind: 'editor' }
}

export function requireEditor(access: Access, what: string): void {
  if (access.kind !== 'editor') {
    throw new LakeError(403, 'forbidden', `${what} needs a token: anonymous clients may only read published documents`)
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
