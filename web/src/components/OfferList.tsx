import { formatPrice } from '@microneedling/content/formatting'
import type { Offer } from '@microneedling/content/schemas'
import { availabilities, titleOf } from '@microneedling/content/vocabulary'
import { priceMayHaveChanged } from '@/lib/catalogue/priceFreshness'
import { sortOffers } from '@/lib/catalogue/prices'
import { formatDate } from '@/lib/text/formatting'
import { PartnerLink } from './PartnerLink'

/**
 * "Where to buy": every offer with its shop, price, stock and the date the price was checked.
 * `partnerLinksAllowed` is false when the affiliate disclosure cannot be shown; then no partner
 * link is rendered at all.
 */
export function OfferList({
  deviceSlug,
  deviceName,
  offers,
  partnerLinksAllowed,
  priceStaleDays,
}: {
  deviceSlug: string
  deviceName: string
  offers: readonly Offer[]
  partnerLinksAllowed: boolean
  /** A price checked longer ago than this many days is marked as possibly changed. */
  priceStaleDays: number
}) {
  return (
    <section id="where-to-buy" className="section where-to-buy" aria-labelledby="where-to-buy-heading">
      <h2 id="where-to-buy-heading">Where to buy</h2>
      {!partnerLinksAllowed ? (
        <p>Shop links for the {deviceName} are not available right now. Please check back later.</p>
      ) : offers.length === 0 ? (
        <p>No shop we work with lists the {deviceName} at the moment.</p>
      ) : (
        <>
          <ul className="offers">
            {sortOffers(offers).map((offer) => (
              <li key={offer.key} className="offer">
                <div className="offer-details">
                  <p className="offer-partner">{offer.partner.name}</p>
                  <p className="offer-price">{formatPrice(offer.price, offer.currency)}</p>
                  <p className="offer-meta">
                    <span className={`availability availability-${offer.availability}`}>
                      {titleOf(availabilities, offer.availability)}
                    </span>
                    <span>
                      Price checked on <time dateTime={offer.priceCheckedAt}>{formatDate(offer.priceCheckedAt)}</time>
                    </span>
                    {priceMayHaveChanged(offer.priceCheckedAt, priceStaleDays) ? (
                      <span className="price-stale" data-testid="price-stale">
                        This price was checked over {priceStaleDays} days ago and may have changed.
                      </span>
                    ) : null}
                  </p>
                </div>
                <PartnerLink deviceSlug={deviceSlug} offerKey={offer.key} from="device" className="button">
                  View at {offer.partner.name}
                </PartnerLink>
              </li>
            ))}
          </ul>
          <p className="fine-print">Prices and stock change often; the shop&apos;s own page has the current price.</p>
        </>
      )}
    </section>
  )
}
