import { ContentUnavailableError, confirmContentAnswers } from '@microneedling/content/loaders'
import { after, type NextRequest } from 'next/server'
import { expireTags } from '@/lib/caches/siteCaches'
import { contentSource } from '@/lib/content/contentSource'
import { siteEnvironment } from '@/lib/env/siteEnvironment'
import { retryAfterSeconds } from '@/lib/outage/retryAfter'
import { recordPublishedPrices } from '@/lib/priceHistory/publishedPrices'
import { forgetKnownPaths } from '@/lib/routing/knownPaths'
import { forgetListPageCounts } from '@/lib/routing/listPageLimits'
import { tagsToRevalidate, webhookPayloadSchema } from '@/lib/webhooks/revalidationTags'
import { acceptedDeliveries, readSignedWebhook } from '@/lib/webhooks/signedWebhook'

/** What next-sanity's parseBody waits, for the same reason. */
const contentLakeConsistencyDelayMs = 3000

/**
 * The GROQ-powered webhook from Sanity posts here when a document is published, changed or deleted
 * (set-up in the README, "Connecting a real Sanity project"). The body is signed with
 * SANITY_REVALIDATE_SECRET; anything without a valid, recent signature is refused and changes
 * nothing, and a delivery already handled is not handled again (lib/webhooks/signedWebhook.ts).
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

  const deliveries = acceptedDeliveries()
  const reading = await readSignedWebhook(request, { secret, deliveries })
  if (reading.kind === 'refused') {
    console.warn(`[revalidate] refused a webhook (${reading.status}): ${reading.message}`)
    return Response.json({ message: reading.message }, { status: reading.status })
  }
  if (reading.kind === 'repeat') {
    console.info('[revalidate] a delivery already handled arrived again: nothing refreshed')
    return Response.json({ revalidated: [], repeat: true })
  }

  const payload = webhookPayloadSchema.safeParse(reading.body)
  if (!payload.success) {
    await deliveries.release(reading.deliveryKeys)
    return Response.json(
      { message: 'The body must be the projection {_type, _id, slug, previousSlug} described in the README.' },
      { status: 400 },
    )
  }

  const tags = tagsToRevalidate(payload.data)
  // A new or renamed page must be found at once by the proxy's check of invented addresses, and a
  // list's pages counted again, also when the refresh below cannot happen yet (the page then
  // answers as pages do in an outage).
  if (tags.length > 0) {
    forgetKnownPaths()
    forgetListPageCounts()
  }
  if (tags.length > 0) {
    // The Content Lake is eventually consistent: a moment after the webhook, queries see the change.
    await new Promise((resolve) => setTimeout(resolve, contentLakeConsistencyDelayMs))
    // Expiring a page forces the next request to render it afresh, and Next.js then has no old copy
    // to fall back on. So while the Content Lake does not answer, nothing is expired: pages keep
    // their last good content, and Sanity delivers the webhook again later (it retries on 5xx).
    try {
      await confirmContentAnswers(contentSource())
    } catch (error) {
      // Not handled: Sanity's retry of this delivery must be accepted.
      await deliveries.release(reading.deliveryKeys)
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
  // With several servers (REDIS_URL), the shared cache is expired and the others told. When Redis
  // does not answer, this server is refreshed but the others are not: the delivery is given back
  // and Sanity delivers it again (it retries on 5xx).
  const expiry = await expireTags(tags)
  if (expiry === 'here only') {
    await deliveries.release(reading.deliveryKeys)
    console.error(
      `[revalidate] ${payload.data._type} ${payload.data._id}: refreshed on this server only, Redis does not answer`,
    )
    return Response.json(
      {
        message:
          'Redis does not answer: this server is refreshed, the others are not. Deliver this webhook again later.',
        revalidated: tags,
      },
      { status: 503, headers: { 'Retry-After': String(retryAfterSeconds) } },
    )
  }
  // A published device's prices go into the price history once the answer is sent, so a slow or
  // missing database never holds up (or fails) the webhook.
  const published = payload.data
  after(() => recordPublishedPrices(published))
  console.info(`[revalidate] ${payload.data._type} ${payload.data._id}: ${tags.join(', ') || 'nothing to refresh'}`)
  return Response.json({ revalidated: tags })
}
