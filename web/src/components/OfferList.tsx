import { formatPrice } from '@microneedling/content/formatting'
import { shopperPrice } from '@microneedling/content/offerPrice'
import { type PriceHistoryRow, priceDropClaim, summarisePriceHistory } from '@microneedling/content/priceHistory'
import type { Offer } from '@microneedling/content/schemas'
import { type Availability, availabilities, titleOf } from '@microneedling/content/vocabulary'
import { priceMayHaveChanged } from '@/lib/catalogue/priceFreshness'
import { sortOffers } from '@/lib/catalogue/prices'
import { formatDate } from '@/lib/text/formatting'
import styles from './OfferList.module.css'
import { PartnerLink } from './PartnerLink'
import { PriceHistoryChart } from './PriceHistoryChart'

/** Stock that is worth a colour: in stock (go ahead) and out of stock (look elsewhere). */
const availabilityClasses: Record<Availability, string | undefined> = {
  inStock: `${styles.availability} ${styles.inStock}`,
  limitedStock: styles.availability,
  preOrder: styles.availability,
  outOfStock: `${styles.availability} ${styles.outOfStock}`,
}

/**
 * "Where to buy": every offer with its shop, the price a shopper pays now (the sale price while one
 * applies), stock and the date the price was checked; with its price
 * history, when one was recorded, and a "price drop" only when the drop rule holds
 * (priceDropClaim). `partnerLinksAllowed` is false when the affiliate disclosure cannot be shown;
 * then no partner link is rendered at all.
 */
export function OfferList({
  deviceSlug,
  deviceName,
  offers,
  partnerLinksAllowed,
  priceStaleDays,
  priceHistories = new Map(),
  now,
}: {
  deviceSlug: string
  deviceName: string
  offers: readonly Offer[]
  partnerLinksAllowed: boolean
  /** A price checked longer ago than this many days is marked as possibly changed. */
  priceStaleDays: number
  /** Recorded prices per offer key; none (e.g. no database while the site is built) shows no chart. */
  priceHistories?: ReadonlyMap<string, readonly PriceHistoryRow[]>
  /** The moment the page is rendered: which sale applies, and what "the last 30 days" are. */
  now: Date
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
            {sortOffers(offers).map((offer) => {
              const pays = shopperPrice(offer, now)
              const history = priceHistories.get(offer.key) ?? []
              const summary = summarisePriceHistory(history, now)
              const drop = priceDropClaim(
                { price: pays.amount, currency: offer.currency, availability: offer.availability },
                history,
                now,
              )
              return (
                <li key={offer.key} className={styles.offer} data-testid="offer">
                  <div className={styles.details}>
                    <p className={styles.partner}>{offer.partner.name}</p>
                    <p className={styles.price}>{formatPrice(pays.amount, offer.currency)}</p>
                    {pays.regularAmount !== undefined ? (
                      // No "was" price from the shop: a reduction is announced only against the
                      // lowest price of the 30 days before it (the price-drop line below).
                      <p className={styles.sale} data-testid="sale-price">
                        The shop&apos;s sale price
                        {pays.saleEndsAt ? (
                          <>
                            , until <time dateTime={pays.saleEndsAt}>{formatDate(pays.saleEndsAt)}</time>
                          </>
                        ) : null}
                        .
                      </p>
                    ) : null}
                    {drop ? (
                      <p className={styles.priceDrop} data-testid="price-drop">
                        Price drop since{' '}
                        <time dateTime={drop.since.toISOString()}>{formatDate(drop.since.toISOString())}</time>. Lowest
                        price in the 30 days before: {formatPrice(drop.priorLowest, drop.currency)}
                      </p>
                    ) : null}
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
                  {summary ? (
                    <PriceHistoryChart
                      summary={summary}
                      shop={offer.partner.name}
                      id={`price-history-${offer.key}`}
                      now={now}
                    />
                  ) : null}
                </li>
              )
            })}
          </ul>
          <p className="fine-print">Prices and stock change often; the shop&apos;s own page has the current price.</p>
        </>
      )}
    </section>
  )
}
