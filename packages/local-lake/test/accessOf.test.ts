import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { accessOf } from '../src/http/access.ts'

/** Who a request is, from its Authorization header and where it came from. */

const token = 'sk-local-access-test-0a9f'
function request(headers: Record<string, string>, remoteAddress: string, encrypted = false): IncomingMessage {
  return { headers, socket: { remoteAddress, encrypted } } as unknown as IncomingMessage
}

describe('accessOf', () => {
  it('is anonymous without a token and an editor with the right one, on this machine', () => {
    expect(accessOf(request({}, '127.0.0.1'), token)).toEqual({ kind: 'anonymous' })
    expect(accessOf(request({ authorization: `Bearer ${token}` }, '::1'), token)).toEqual({ kind: 'editor' })
    expect(accessOf(request({ authorization: `Bearer ${token}` }, '::ffff:127.0.0.1'), token)).toEqual({
      kind: 'editor',
    })
  })

  it('refuses a wrong token, and a malformed header', () => {
    expect(() => accessOf(request({ authorization: 'Bearer sk-someone-else' }, '127.0.0.1'), token)).toThrow(
      /not valid/,
    )
    expect(() => accessOf(request({ authorization: token }, '127.0.0.1'), token)).toThrow(/Bearer/)
  })

  it('refuses any token sent over plain http from another machine, even the right one', () => {
    expect(() => accessOf(request({ authorization: `Bearer ${token}` }, '10.1.2.3'), token)).toThrow(
      /only from this machine/,
    )
    // Over TLS the token is not readable on the way, so it is accepted.
    expect(accessOf(request({ authorization: `Bearer ${token}` }, '10.1.2.3', true), token)).toEqual({ kind: 'editor' })
    // Reading published documents needs no token, from anywhere the lake listens.
    expect(accessOf(request({}, '10.1.2.3'), token)).toEqual({ kind: 'anonymous' })
  })
})
