import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { processWide } from '../processWide'

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

/** Signed-out sessions, until they would have expired anyway (per server process). */
function revokedSessions(): Map<string, number> {
  return processWide('revokedReportSessions', () => new Map<string, number>())
}

/** Sign-out: a copy of the cookie kept elsewhere stops working too. */
export function revokeSessionToken(token: string | undefined, secret: string, now: Date = new Date()): void {
  if (!token || !sessionTokenValid(token, secret, now)) return
  const revoked = revokedSessions()
  const seconds = now.getTime() / 1000
  for (const [nonce, expires] of revoked) if (expires <= seconds) revoked.delete(nonce)
  const [expires, nonce] = token.split('.')
  revoked.set(nonce!, Number(expires))
}

export function sessionTokenValid(token: string | undefined, secret: string, now: Date = new Date()): boolean {
  if (!token) return false
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return false
  const [, expires, nonce, given] = match
  const expected = Buffer.from(signature(secret, `${expires}.${nonce}`), 'base64url')
  const received = Buffer.from(given!, 'base64url')
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return false
  return Number(expires) > now.getTime() / 1000 && !revokedSessions().has(nonce!)
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
export function createAttemptLimiter(perMinute = 10, now: () => number = Date.now) {
  let failures: number[] = []
  const recent = () => {
    const since = now() - 60_000
    failures = failures.filter((time) => time > since)
    return failures
  }
  return {
    blocked: () => recent().length >= perMinute,
    fail: () => void failures.push(now()),
  }
}

/** One limiter per server process. */
export function attemptLimiter(): ReturnType<typeof createAttemptLimiter> {
  return processWide('reportsAttemptLimiter', createAttemptLimiter)
}
