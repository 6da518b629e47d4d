import { defaultApiVersion } from '@microneedling/content/apiVersion'
import type { CustomValidator } from 'sanity'

/**
 * An offer's feed item id: the product's id in its partner's feed. A feed item matching two
 * offers of one partner is refused by the import, so each id belongs to one offer only.
 */

/** The longest id a feed item may have (Google Merchant Center's limit, and the feed reader's). */
const maxFeedItemIdLength = 256

export function feedItemIdProblem(id: string): string | undefined {
  if (id.trim() === '') return 'Enter the product’s id as the feed gives it, or clear the field.'
  if (id.trim() !== id) return 'Remove the spaces before or after the id: the feed’s id is matched exactly.'
  if (id.length > maxFeedItemIdLength) {
    return `A feed item id has at most ${maxFeedItemIdLength} characters; this one has ${id.length}. Copy the id column only.`
  }
  return undefined
}

interface OfferOfPartner {
  _key?: string
  partner?: { _ref?: string }
  feedItemId?: string
}

const otherDeviceWithFeedItemIdQuery = `*[_type == "device" && _id != $deviceId && count(offers[partner._ref == $partnerId && feedItemId == $feedItemId]) > 0][0]{name}`

/** Custom rule for `offer.feedItemId`: the id's format, then that no other offer of the partner has it. */
export const feedItemIdUnique: CustomValidator<string | undefined> = async (id, context) => {
  if (id === undefined) return true
  const problem = feedItemIdProblem(id)
  if (problem) return problem
  const offer = context.parent as OfferOfPartner | undefined
  const partnerId = offer?.partner?._ref
  if (!partnerId) return true
  const document = context.document as { _id?: string; offers?: OfferOfPartner[] } | undefined
  const sameDevice = (document?.offers ?? []).filter(
    (other) => other._key !== offer?._key && other.partner?._ref === partnerId && other.feedItemId === id,
  )
  if (sameDevice.length > 0) {
    return `Another offer of this device from the same partner has the feed item id "${id}". An id belongs to one offer: remove one of them.`
  }
  const deviceId = (document?._id ?? '').replace(/^drafts\./, '')
  const client = context.getClient({ apiVersion: defaultApiVersion })
  // Published, because the import matches the published offers.
  const other = await client.fetch<{ name?: string } | null>(
    otherDeviceWithFeedItemIdQuery,
    { deviceId, partnerId, feedItemId: id },
    { perspective: 'published', tag: 'validation.offer-feed-item-id' },
  )
  if (!other) return true
  return `${other.name?.trim() || 'Another device'} already has an offer from this partner with the feed item id "${id}". An id belongs to one offer: check which device the partner’s product is.`
}
