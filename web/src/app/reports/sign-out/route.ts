import { type NextRequest, NextResponse } from 'next/server'
import { sessionCookieName, sessionCookieOptions } from '@/lib/reports/reportsAccess'
import { reportsSettings } from '@/lib/reports/reportsSettings'
import { plainText, sameOrigin } from '@/lib/reports/requestAccess'

/** Ends the session: the cookie is overwritten with an empty, already expired one. */
export async function POST(request: NextRequest) {
  if (!sameOrigin(request)) return plainText(403, 'Sign out from the reports page.')
  const response = NextResponse.redirect(new URL('/reports?signin=out', request.nextUrl), 303)
  response.cookies.set(sessionCookieName, '', { ...sessionCookieOptions(reportsSettings().production), maxAge: 0 })
  return response
}
