import { describe, expect, it } from 'vitest'
import { parseDayRange } from '@/lib/reports/dateRange'
import {
  bearerMatches,
  createAttemptLimiter,
  createSessionToken,
  secretMatches,
  secureCookie,
  sessionLifetimeSeconds,
  sessionTokenValid,
} from '@/lib/reports/reportsAccess'

const secret = 'correct-horse-battery-staple'

describe('report sessions', () => {
  it('accepts its own token until it expires', async () => {
    const now = new Date('2026-05-01T10:00:00Z')
    const token = createSessionToken(secret, now)
    expect(await sessionTokenValid(token, secret, now)).toBe(true)
    expect(await sessionTokenValid(token, secret, new Date(now.getTime() + (sessionLifetimeSeconds - 1) * 1000))).toBe(
      true,
    )
    expect(await sessionTokenValid(token, secret, new Date(now.getTime() + sessionLifetimeSeconds * 1000))).toBe(false)
  })

  it('refuses forged, altered and foreign tokens', async () => {
    const token = createSessionToken(secret)
    const [expires, nonce, signature] = token.split('.')
    expect(await sessionTokenValid(`${Number(expires) + 3600}.${nonce}.${signature}`, secret)).toBe(false)
    expect(await sessionTokenValid(`${expires}.${nonce}.${'A'.repeat(43)}`, secret)).toBe(false)
    expect(await sessionTokenValid(createSessionToken('another-secret-entirely'), secret)).toBe(false)
    expect(await sessionTokenValid('', secret)).toBe(false)
    expect(await sessionTokenValid(undefined, secret)).toBe(false)
    expect(await sessionTokenValid('9999999999.x.y', secret)).toBe(false)
  })

  it('compares secrets whole, and reads only Bearer headers', () => {
    expect(secretMatches(secret, secret)).toBe(true)
    expect(secretMatches(`${secret} `, secret)).toBe(false)
    expect(secretMatches(secret.slice(0, -1), secret)).toBe(false)
    expect(bearerMatches(`Bearer ${secret}`, secret)).toBe(true)
    expect(bearerMatches(`Basic ${secret}`, secret)).toBe(false)
    expect(bearerMatches(null, secret)).toBe(false)
  })

  it('blocks sign-in after too many wrong secrets in a minute, then lets it through again', () => {
    let now = 0
    const limiter = createAttemptLimiter(3, () => now)
    for (let n = 0; n < 3; n++) {
      expect(limiter.blocked()).toBe(false)
      limiter.fail()
    }
    expect(limiter.blocked()).toBe(true)
    now = 61_000
    expect(limiter.blocked()).toBe(false)
  })
})

describe('parseDayRange', () => {
  const now = new Date('2026-05-31T15:00:00Z')
  it('defaults to the last 30 days', () => {
    expect(parseDayRange({}, now)).toEqual({ ok: true, range: { from: '2026-05-02', to: '2026-05-31' } })
  })

  it('takes a valid range of up to 400 days', () => {
    expect(parseDayRange({ from: '2025-05-27', to: '2026-06-30' }, now)).toEqual({
      ok: true,
      range: { from: '2025-05-27', to: '2026-06-30' },
    })
  })

  it('says what is wrong with a malformed or too long range', () => {
    expect(parseDayRange({ from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ ok: false })
    expect(parseDayRange({ from: '05/01/2026', to: '2026-05-02' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('YYYY-MM-DD'),
    })
    expect(parseDayRange({ from: '2026-05-02' })).toMatchObject({ ok: false, message: expect.stringContaining('to') })
    expect(parseDayRange({ from: '2026-05-03', to: '2026-05-02' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('after'),
    })
    expect(parseDayRange({ from: '2025-05-26', to: '2026-06-30' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('400 days'),
    })
  })
})

describe('sign-out', () => {
  it('makes the signed-out token useless, and no other', async () => {
    const { revokeSessionToken } = await import('@/lib/reports/reportsAccess')
    const kept = createSessionToken(secret)
    const ended = createSessionToken(secret)
    await revokeSessionToken(ended, secret)
    expect(await sessionTokenValid(ended, secret)).toBe(false)
    expect(await sessionTokenValid(kept, secret)).toBe(true)
  })
})

describe('secureCookie', () => {
  it('marks the cookie Secure in production, but for a build tried over http on this machine', () => {
    expect(secureCookie(true, new URL('https://www.example.com/reports/sign-in'))).toBe(true)
    expect(secureCookie(true, new URL('http://www.example.com/reports/sign-in'))).toBe(true)
    expect(secureCookie(true, new URL('http://127.0.0.1:3000/reports/sign-in'))).toBe(false)
    expect(secureCookie(false, new URL('https://www.example.com/reports/sign-in'))).toBe(false)
  })
})
