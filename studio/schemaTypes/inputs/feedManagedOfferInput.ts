import { createElement } from 'react'
import type { ObjectInputProps } from 'sanity'

type OfferValue = { feedItemId?: string; feedCheckedAt?: string }

/** The fields an import writes, as the editor sees them named. */
const feedFields = 'price, sale price and period, availability and “Price checked on”'

/** When the feed last confirmed the offer, in the editor's words: "24 Nov 2026, 06:00 UTC". */
function feedCheckedText(feedCheckedAt: string): string {
  const time = new Date(feedCheckedAt)
  if (Number.isNaN(time.getTime())) return feedCheckedAt
  const day = time.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  return `${day}, ${time.toISOString().slice(11, 16)} UTC`
}

/** What an offer a feed keeps says above its fields, or nothing for one an editor keeps by hand. */
export function feedManagedNotice(value: OfferValue | undefined): string | undefined {
  if (!value?.feedItemId || !value.feedCheckedAt) return undefined
  return `The ${feedFields} of this offer come from the partner’s feed (item ${value.feedItemId}), last confirmed ${feedCheckedText(value.feedCheckedAt)}. The next import replaces an edit to them: change them at the partner, or clear the feed item id to keep them by hand.`
}

/** The offer's fields, under a note saying which of them the partner's feed keeps, so an editor does not fight it. */
export function FeedManagedOfferInput(props: ObjectInputProps<OfferValue>) {
  const notice = feedManagedNotice(props.value)
  return createElement(
    'div',
    null,
    notice
      ? createElement(
          'p',
          {
            'data-testid': 'feed-managed-offer',
            style: {
              margin: '0 0 12px',
              padding: '8px 12px',
              borderLeft: '3px solid var(--card-focus-ring-color, #2276fc)',
              fontSize: 13,
              lineHeight: 1.5,
            },
          },
          notice,
        )
      : null,
    props.renderDefault(props),
  )
}
