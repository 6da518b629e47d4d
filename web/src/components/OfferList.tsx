import { formatPrice } from '@microneedling/content/formatting'
import type { Offer } from '@microneedling/content/schemas'
import { type Availability, availabilities, titleOf } from '@microneedling/content/vocabulary'
import { priceMayHaveChanged } from '@/lib/catalogue/priceFreshness'
import { sortOffers } from '@/lib/catalogue/prices'
import { formatDate } from '@/lib/text/formatting'
import styles from './OfferList.module.css'
import { PartnerLink } from './PartnerLink'

/** Stock that is worth a colour: in stock (go ahead) and out of stock (look elsewhere). */
const availabilityClasses: Record<Availability, string | undefined> = {
  inStock: `${styles.availability} ${styles.inStock}`,
  limitedStock: styles.availability,
  preOrder: styles.availability,
  outOfStock: `${styles.availability} ${styles.outOfStock}`,
}

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
    <section id="where-to-buy" className={`section ${styles.whereToBuy}`} aria-labelledby="where-to-buy-heading">
      <h2 id="where-to-buy-heading">Where to buy</h2>
      {!partnerLinksAllowed ? (
        <p>Shop links for the {deviceName} are not available right now. Please check back later.</p>
      ) : offers.length === 0 ? (
        <p>No shop we work with lists the {deviceName} at the moment.</p>
      ) : (
        <>
          <ul className={styles.offers}>
            {sortOffers(offers).map((offer) => (
              <li key={offer.key} className={styles.offer} data-testid="offer">
                <div className={styles.details}>
                  <p className={styles.partner}>{offer.partner.name}</p>
                  <p className={styles.price}>{formatPrice(offer.price, offer.currency)}</p>
                  <p className={styles.meta}>
                    <span className={availabilityClasses[offer.availability]}>
                      {titleOf(availabilities, offer.availability)}
                    </span>
                    <span>
                      Price checked on <time dateTime={offer.priceCheckedAt}>{formatDate(offer.priceCheckedAt)}</time>
                    </span>
                    {priceMayHaveChanged(offer.priceCheckedAt, priceStaleDays) ? (
                      <span className={styles.priceStale} data-testid="price-stale">
                        This price was checked over {priceStaleDays} days ago and may have changed.
                      </span>
                    ) : null}
                  </p>
                </div>
                <PartnerLink deviceSlug={deviceSlug} offerKey={offer.key} from="device" appearance="button">
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
