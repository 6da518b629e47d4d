import type { NextRequest } from 'next/server'
import { revokeSessionToken, secureCookie, sessionCookieName, sessionCookieOptions } from '@/lib/reports/reportsAccess'
import { reportsSettings } from '@/lib/reports/reportsSettings'
import { plainText, sameOrigin, seeOther } from '@/lib/reports/requestAccess'

/** Ends the session: the cookie is overwritten with an expired one, and the token refused from now on. */
export async function POST(request: NextRequest) {
  if (!sameOrigin(request)) return plainText(403, 'Sign out from the reports page.')
  const settings = reportsSettings()
  if (settings.secret) await revokeSessionToken(request.cookies.get(sessionCookieName)?.value, settings.secret)
  const response = seeOther('/reports?signin=out')
  response.cookies.set(sessionCookieName, '', {
    ...sessionCookieOptions(secureCookie(settings.production, request.nextUrl)),
    maxAge: 0,
  })
  return response
}
