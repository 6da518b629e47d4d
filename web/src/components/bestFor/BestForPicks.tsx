import { formatPrice, needleLengthText } from '@microneedling/content/formatting'
import { shopperPrice } from '@microneedling/content/offerPrice'
import type { BestForPick, Offer } from '@microneedling/content/schemas'
import {
  type BestForRole,
  bestForRoles,
  formFactors,
  needleMaterials,
  needleTips,
  titleOf,
} from '@microneedling/content/vocabulary'
import Link from 'next/link'
import { priceMayHaveChanged } from '@/lib/catalogue/priceFreshness'
import { noPriceText } from '@/lib/catalogue/prices'
import { routes } from '@/lib/seo/urls'
import { formatDate, yesNo } from '@/lib/text/formatting'
import { PartnerLink } from '../PartnerLink'
import { UseBadge } from '../UseBadge'
import styles from './BestForPicks.module.css'

const roleClasses: Record<BestForRole, string | undefined> = {
  topPick: styles.topPick,
  budgetPick: styles.budgetPick,
  upgradePick: styles.upgradePick,
}

/** The price a shopper pays at the pick's shop, the shop, and when the price was checked. */
function PickPrice({ offer, staleDays, now }: { offer: Offer; staleDays: number; now: Date }) {
  return (
    <p className={styles.price} data-testid="best-for-pick-price">
      <strong>{formatPrice(shopperPrice(offer, now).amount, offer.currency)}</strong> at {offer.partner.name}{' '}
      <span className={styles.checked}>
        (price checked on <time dateTime={offer.priceCheckedAt}>{formatDate(offer.priceCheckedAt)}</time>
        {priceMayHaveChanged(offer.priceCheckedAt, staleDays, now) ? '; it may have changed since' : ''})
      </span>
    </p>
  )
}

function Pick({
  pick,
  offer,
  partnerLinksAllowed,
  staleDays,
  now,
}: {
  pick: BestForPick
  /** The cheapest offer a shopper can buy now (lowestOffer), or none when every shop is out of stock. */
  offer: Offer | undefined
  partnerLinksAllowed: boolean
  staleDays: number
  now: Date
}) {
  const { device } = pick
  const headingId = `pick-${pick.key}`
  return (
    <li
      className={styles.pick}
      data-testid="best-for-pick"
      data-role={pick.role}
      data-device-slug={device.slug}
      data-intended-use={device.intendedUse}
    >
      <article aria-labelledby={headingId}>
        <p className={`${styles.role} ${roleClasses[pick.role]}`} data-testid="best-for-pick-role">
          {titleOf(bestForRoles, pick.role)}
        </p>
        <h3 id={headingId} className={styles.name}>
          <Link href={routes.device(device.slug)}>{device.name}</Link>
        </h3>
        <p className={styles.kicker}>
          <UseBadge use={device.intendedUse} /> <span>{titleOf(formFactors, device.formFactor)}</span>{' '}
          <span>by {device.brand.name}</span>
        </p>
        <p className={styles.reason} data-testid="best-for-pick-reason">
          <strong>Why we pick it:</strong> {pick.reason}
        </p>
        <dl className={styles.specs} data-testid="best-for-pick-specs">
          <div>
            <dt>Needle length</dt>
            <dd>{needleLengthText(device.needleLengthMm, device.needles.adjustable)}</dd>
          </div>
          <div>
            <dt>Needles</dt>
            <dd>
              {titleOf(needleMaterials, device.needles.material)},{' '}
              {titleOf(needleTips, device.needles.tip).toLowerCase()}
            </dd>
          </div>
          <div>
            <dt>Replaceable head</dt>
            <dd>{yesNo(device.needles.replaceableHead)}</dd>
          </div>
          <div>
            <dt>Sterile single-use parts</dt>
            <dd>{yesNo(device.needles.sterileSingleUseParts)}</dd>
          </div>
        </dl>
        {offer ? (
          <PickPrice offer={offer} staleDays={staleDays} now={now} />
        ) : (
          <p className={styles.price} data-testid="best-for-pick-price">
            {noPriceText(device)}
          </p>
        )}
        <p className={styles.actions}>
          {offer && partnerLinksAllowed ? (
            <PartnerLink deviceSlug={device.slug} offerKey={offer.key} from="guide" appearance="button">
              View at {offer.partner.name}
            </PartnerLink>
          ) : null}
          <Link href={routes.device(device.slug)}>
            Read the review and compare shops<span className="visually-hidden"> for the {device.name}</span>
          </Link>
        </p>
      </article>
    </li>
  )
}

/** A guide's picks, top pick first, each with its role, reason, key specs, price and shop. */
export function BestForPicks({
  picks,
  partnerLinksAllowed,
  staleDays,
  now,
}: {
  /** Each pick with the offer it is priced by (see Pick). */
  picks: readonly { pick: BestForPick; offer: Offer | undefined }[]
  partnerLinksAllowed: boolean
  /** A price checked longer ago than this many days is marked as possibly changed. */
  staleDays: number
  now: Date
}) {
  return (
    <ol className={styles.picks} data-testid="best-for-picks">
      {picks.map(({ pick, offer }) => (
        <Pick
          key={pick.key}
          pick={pick}
          offer={offer}
          partnerLinksAllowed={partnerLinksAllowed}
          staleDays={staleDays}
          now={now}
        />
      ))}
    </ol>
  )
}
