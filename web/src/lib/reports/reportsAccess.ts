import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { processWide } from '../processWide'
import { sharedKeyPrefix, sharedStore } from '../sharedStore/sharedStore'

/**
 * Who may read the reports: whoever knows REPORTS_SECRET. Signing in swaps the secret for a
 * session cookie that says only when it expires, signed with a key derived from the secret (so
 * changing the secret ends every session). Nothing about the person is in it.
 */

export const sessionCookieName = 'reports_session'
export const sessionLifetimeSeconds = 8 * 60 * 60

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/** Constant time in the length and content of both: hashing first makes the lengths equal. */
export function secretMatches(given: string, secret: string): boolean {
  return timingSafeEqual(sha256(given), sha256(secret))
}

const signingKey = (secret: string) => createHmac('sha256', secret).update('reports-session-v1').digest()
const signature = (secret: string, payload: string) =>
  createHmac('sha256', signingKey(secret)).update(payload).digest('base64url')

/** `<expiry in epoch seconds>.<random>.<signature>` */
export function createSessionToken(secret: string, now: Date = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + sessionLifetimeSeconds
  const payload = `${expires}.${randomBytes(16).toString('base64url')}`
  return `${payload}.${signature(secret, payload)}`
}

/** Signed-out sessions known to this server, until they would have expired anyway. */
function revokedSessions(): Map<string, number> {
  return processWide('revokedReportSessions', () => new Map<string, number>())
}

/** A signed-out session in Redis: every server refuses it. It goes when the session would have expired. */
const revokedKey = (nonce: string) => `${sharedKeyPrefix}reports:revoked:${nonce}`

/**
 * Sign-out: a copy of the cookie kept elsewhere stops working too, on every server. While Redis
 * does not answer, this server refuses it at once and the others once Redis has it.
 */
export async function revokeSessionToken(
  token: string | undefined,
  secret: string,
  now: Date = new Date(),
): Promise<void> {
  if (!token || !signedAndCurrent(token, secret, now)) return
  const revoked = revokedSessions()
  const seconds = now.getTime() / 1000
  for (const [nonce, expires] of revoked) if (expires <= seconds) revoked.delete(nonce)
  const [expires, nonce] = token.split('.')
  revoked.set(nonce!, Number(expires))
  await shareRevocations()
}

/**
 * Writes this server's revocations to Redis: at each sign-out, and once Redis is back after an
 * outage (setting one twice is harmless).
 */
async function shareRevocations(): Promise<void> {
  const store = sharedStore()
  const revoked = revokedSessions()
  if (!store || revoked.size === 0) return
  processWide('revocationsSharedAgain', () => {
    store.onReconnect(() => void shareRevocations())
    return true
  })
  await store
    .run(async (client) => {
      for (const [nonce, expires] of revoked)
        await client.set(revokedKey(nonce), '1', { expiration: { type: 'EXAT', value: expires } })
    })
    .catch(() => undefined)
}

export async function sessionTokenValid(
  token: string | undefined,
  secret: string,
  now: Date = new Date(),
): Promise<boolean> {
  if (!token || !signedAndCurrent(token, secret, now)) return false
  const nonce = token.split('.')[1]!
  if (revokedSessions().has(nonce)) return false
  const store = sharedStore()
  if (!store) return true
  try {
    return (await store.run((client) => client.exists(revokedKey(nonce)))) === 0
  } catch {
    // Redis does not answer: what this server knows decides.
    return true
  }
}

function signedAndCurrent(token: string, secret: string, now: Date): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return false
  const [, expires, nonce, given] = match
  const expected = Buffer.from(signature(secret, `${expires}.${nonce}`), 'base64url')
  const received = Buffer.from(given!, 'base64url')
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return false
  return Number(expires) > now.getTime() / 1000
}

/**
 * Whether the session cookie is marked Secure: always in production, except for a production build
 * tried out over plain http on this machine (browsers would drop a Secure cookie from http://127.0.0.1).
 */
export function secureCookie(production: boolean, requestUrl: URL): boolean {
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(requestUrl.hostname)
  return production && !(requestUrl.protocol === 'http:' && loopback)
}

/** The Set-Cookie attributes of a session: never readable by scripts, never sent from other sites. */
export function sessionCookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    path: '/',
    maxAge: sessionLifetimeSeconds,
  }
}

/** `Authorization: Bearer <secret>`, for schedulers and scripts. */
export function bearerMatches(header: string | null, secret: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '')
  return match ? secretMatches(match[1]!, secret) : false
}

/**
 * Wrong secrets allowed per minute, for the whole site: guessing is hopeless, and no address needs
 * to be kept to limit it. The owner, locked out by someone guessing, waits a minute at most.
 */
const signInFailuresPerMinute = 10

export interface AttemptLimiter {
  blocked(): boolean | Promise<boolean>
  fail(): void | Promise<void>
}

export function createAttemptLimiter(perMinute = signInFailuresPerMinute, now: () => number = Date.now) {
  let failures: number[] = []
  const recent = () => {
    const since = now() - 60_000
    failures = failures.filter((time) => time > since)
    return failures
  }
  return {
    blocked: () => recent().length >= perMinute,
    fail: () => void failures.push(now()),
  } satisfies AttemptLimiter
}

const failuresKey = `${sharedKeyPrefix}reports:sign-in-failures`

/**
 * The limiter of this server process; with REDIS_URL, the failures on every server count, in a
 * sorted set of the last minute's. While Redis does not answer, this server's own count decides.
 */
export function attemptLimiter(): AttemptLimiter {
  const local = processWide('reportsAttemptLimiter', createAttemptLimiter)
  const store = sharedStore()
  if (!store) return local
  return {
    async blocked() {
      try {
        return await store.run(async (client) => {
          await client.zRemRangeByScore(failuresKey, '-inf', Date.now() - 60_000)
          return (await client.zCard(failuresKey)) >= signInFailuresPerMinute
        })
      } catch {
        return local.blocked()
      }
    },
    async fail() {
      local.fail()
      const at = Date.now()
      await store
        .run(async (client) => {
          await client.zAdd(failuresKey, { score: at, value: `${at}:${randomBytes(6).toString('base64url')}` })
          await client.pExpire(failuresKey, 120_000)
        })
        .catch(() => undefined)
    },
  }
}
