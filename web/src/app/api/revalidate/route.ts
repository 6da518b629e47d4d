import { ContentUnavailableError, confirmContentAnswers } from '@microneedling/content/loaders'
import { revalidateTag } from 'next/cache'
import type { NextRequest } from 'next/server'
import { parseBody } from 'next-sanity/webhook'
import { contentSource, forgetVisitorQueryAnswers } from '@/lib/contentSource'
import { siteEnvironment } from '@/lib/environment'
import { tagsToRevalidate, type WebhookPayload, webhookPayloadSchema } from '@/lib/revalidation'
import { retryAfterSeconds } from '@/lib/unavailableCopy'

/**
 * The GROQ-powered webhook from Sanity posts here when a document is published, changed or deleted
 * (set-up in the README, "Connecting a real Sanity project"). The body is signed with
 * SANITY_REVALIDATE_SECRET; anything without a valid signature is refused and changes nothing.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const secret = siteEnvironment().SANITY_REVALIDATE_SECRET
  if (!secret) {
    console.error('[revalidate] refused a webhook: SANITY_REVALIDATE_SECRET is not set, so no signature can be checked')
    return Response.json(
      { message: 'This site has no webhook secret configured, so it accepts no webhooks.' },
      { status: 401 },
    )
  }

  let parsed: Awaited<ReturnType<typeof parseBody<WebhookPayload>>>
  try {
    // Waits a moment after a valid signature, so the Content Lake answers the next query with the change.
    parsed = await parseBody<WebhookPayload>(request, secret)
  } catch {
    return Response.json({ message: 'The body is not JSON.' }, { status: 400 })
  }
  if (parsed.isValidSignature !== true) {
    const reason = parsed.isValidSignature === null ? 'missing' : 'invalid'
    console.warn(`[revalidate] refused a webhook: ${reason} signature`)
    return Response.json({ message: `The webhook signature is ${reason}.` }, { status: 401 })
  }

  const payload = webhookPayloadSchema.safeParse(parsed.body)
  if (!payload.success) {
    return Response.json(
      { message: 'The body must be the projection {_type, _id, slug, previousSlug} described in the README.' },
      { status: 400 },
    )
  }

  const tags = tagsToRevalidate(payload.data)
  if (tags.length > 0) {
    // Expiring a page forces the next request to render it afresh, and Next.js then has no old copy
    // to fall back on. So while the Content Lake does not answer, nothing is expired: pages keep
    // their last good content, and Sanity delivers the webhook again later (it retries on 5xx).
    try {
      await confirmContentAnswers(contentSource())
    } catch (error) {
      if (!(error instanceof ContentUnavailableError)) throw error
      console.error(
        `[revalidate] ${payload.data._type} ${payload.data._id}: nothing refreshed, the content source does not answer`,
      )
      return Response.json(
        { message: 'The Content Lake does not answer, so nothing was refreshed. Deliver this webhook again later.' },
        { status: 503, headers: { 'Retry-After': String(retryAfterSeconds) } },
      )
    }
  }
  for (const tag of tags) {
    // `{ expire: 0 }`: the next request for a page with this tag waits for fresh content instead of
    // being served the old page while it refreshes ('max'). An editor who fixes a price expects the
    // next shopper to see it. (`updateTag` would do the same but is for Server Actions only.)
    revalidateTag(tag, { expire: 0 })
  }
  forgetVisitorQueryAnswers(tags)
  console.info(`[revalidate] ${payload.data._type} ${payload.data._id}: ${tags.join(', ') || 'nothing to refresh'}`)
  return Response.json({ revalidated: tags })
}
