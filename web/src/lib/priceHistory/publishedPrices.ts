import { deviceBySlugQuery } from '@microneedling/content/queries'
import { deviceSummarySchema } from '@microneedling/content/schemas'
import { clickRecording } from '../clicks/clickRecording'
import { contentSource } from '../content/contentSource'
import type { WebhookPayload } from '../webhooks/revalidationTags'
import { observationOf } from './offerObservation'
import { warnOnce } from './onceLogged'
import { recordPriceObservations } from './priceObservations'

const publishedOffersSchema = deviceSummarySchema.pick({ _id: true, offers: true }).nullable()

/**
 * After an editor publishes a device (the revalidation webhook), records its offers' prices as an
 * editor saw them. Reads the device past every cache (no tags), so it is what was just published.
 * Never throws: the webhook has already answered, and a missing database is logged once.
 */
export async function recordPublishedPrices(payload: WebhookPayload, now: Date = new Date()): Promise<void> {
  if (payload._type !== 'device' || !payload.slug) return
  const recording = clickRecording()
  if (!recording) {
    warnOnce('publish', '[prices] published prices are not recorded: this process has no database')
    return
  }
  try {
    const device = publishedOffersSchema.parse(await contentSource().fetch(deviceBySlugQuery, { slug: payload.slug }))
    if (!device || device.offers.length === 0) return
    const observations = device.offers.map((offer) =>
      observationOf(
        { ...offer, deviceId: device._id, offerKey: offer.key, partnerId: offer.partner._id },
        'editor',
        now,
      ),
    )
    await recordPriceObservations(await recording.database(), observations)
  } catch (error) {
    warnOnce(
      'publish',
      `[prices] the prices of ${payload._id} were not recorded: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}
