import type { NextRequest } from 'next/server'
import { z } from 'zod'
import {
  attemptLimiter,
  createSessionToken,
  secretMatches,
  secureCookie,
  sessionCookieName,
  sessionCookieOptions,
} from '@/lib/reports/reportsAccess'
import { reportsSettings } from '@/lib/reports/reportsSettings'
import { plainText, sameOrigin, seeOther } from '@/lib/reports/requestAccess'

const signInForm = z.object({ secret: z.string().max(1000) })

/** The sign-in form posts here; the answer is a 303 back to /reports, signed in or with why not. */
export async function POST(request: NextRequest) {
  const settings = reportsSettings()
  const back = (query = '') => seeOther(`/reports${query}`)
  if (!settings.secret) return back()
  if (!sameOrigin(request)) return plainText(403, 'Sign in from the reports page.')
  const limiter = attemptLimiter()
  if (await limiter.blocked()) return back('?signin=limited')
  const form = signInForm.safeParse(
    Object.fromEntries((await request.formData().catch(() => new FormData())).entries()),
  )
  if (!form.success || !secretMatches(form.data.secret, settings.secret)) {
    await limiter.fail()
    return back('?signin=wrong')
  }
  const response = back()
  response.cookies.set(
    sessionCookieName,
    createSessionToken(settings.secret),
    sessionCookieOptions(secureCookie(settings.production, request.nextUrl)),
  )
  return response
}
