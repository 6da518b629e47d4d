import { type NextRequest, NextResponse } from 'next/server'
import { bearerMatches, sessionCookieName, sessionTokenValid } from './reportsAccess'
import { reportsSettings } from './reportsSettings'

/** A reports request is let in with the session cookie, or with `Authorization: Bearer <secret>`. */
export async function reportsRequestAllowed(request: NextRequest, secret: string): Promise<boolean> {
  return (
    bearerMatches(request.headers.get('authorization'), secret) ||
    (await sessionTokenValid(request.cookies.get(sessionCookieName)?.value, secret))
  )
}

/**
 * Why a scheduler's request (link checks, feed imports) is refused, or undefined when it sent
 * `Authorization: Bearer <REPORTS_SECRET>`: 404 while the reports are off, 401 otherwise.
 */
export function bearerRefusal(request: NextRequest): Response | undefined {
  const { secret } = reportsSettings()
  if (!secret) return plainText(404, 'The reports are off: set REPORTS_SECRET on the server to turn them on.')
  if (bearerMatches(request.headers.get('authorization'), secret)) return undefined
  return plainText(401, 'Send Authorization: Bearer <REPORTS_SECRET>.', {
    'WWW-Authenticate': 'Bearer realm="reports"',
  })
}

/**
 * Forms that change who is signed in are only taken from the site's own pages: a browser always
 * sends Origin with a POST, and another site's page would send its own.
 */
export function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin')
  return (
    origin === null ||
    origin === request.nextUrl.origin ||
    origin === `http://${request.headers.get('host')}` ||
    origin === `https://${request.headers.get('host')}`
  )
}

export function plainText(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  })
}

/**
 * A 303 to a path on this site, as a relative Location: Next may name its own host differently from
 * the one the browser used (localhost for 127.0.0.1), and the session cookie belongs to the latter.
 */
export function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path, 'Cache-Control': 'no-store' } })
}
