import type { FinderPick, FinderReason, ReasonKind } from '@microneedling/content/finder'
import { formatPrice } from '@microneedling/content/formatting'
import type { DeviceSummary } from '@microneedling/content/schemas'
import { formFactors, titleOf } from '@microneedling/content/vocabulary'
import Link from 'next/link'
import { lowestOffer, noPriceText } from '@/lib/catalogue/prices'
import { finderCriterionTitles, formatPoints, reasonKindLabels } from '@/lib/finder/finderSummary'
import { routes } from '@/lib/seo/urls'
import { formatDate } from '@/lib/text/formatting'
import { UseBadge } from '../UseBadge'
import styles from './FinderPicks.module.css'

/** A mark beside each reason's word; the word says it, the mark only helps the eye. */
const reasonMarks: Record<ReasonKind, string> = { fits: '✓', caution: '!', doesNotFit: '✗' }

const reasonClasses: Record<ReasonKind, string | undefined> = {
  fits: styles.fits,
  caution: styles.caution,
  doesNotFit: styles.doesNotFit,
}

function Reason({ reason }: { reason: FinderReason }) {
  return (
    <li className={styles.reason} data-testid="finder-reason" data-reason-kind={reason.kind}>
      <span className={`${styles.kind} ${reasonClasses[reason.kind]}`}>
        <span aria-hidden="true">{reasonMarks[reason.kind]}</span> {reasonKindLabels[reason.kind]}:
      </span>{' '}
      {reason.text}
      {reason.score ? (
        <span className={styles.points}>
          {' '}
          ({finderCriterionTitles[reason.score.criterion]}: {formatPoints(reason.score.points)} of{' '}
          {formatPoints(reason.score.outOf)} points)
        </span>
      ) : null}
    </li>
  )
}

/** The lowest price a shopper can buy at now, and when it was checked; the device page lists every offer. */
function FromPrice({ device }: { device: DeviceSummary }) {
  const offer = lowestOffer(device.offers)
  return (
    <p className={styles.price} data-testid="finder-pick-price">
      {offer ? (
        <>
          From <strong>{formatPrice(offer.price, offer.currency)}</strong>{' '}
          <span className={styles.checked}>
            (checked <time dateTime={offer.priceCheckedAt}>{formatDate(offer.priceCheckedAt)}</time>)
          </span>
        </>
      ) : (
        noPriceText(device)
      )}
    </p>
  )
}

function Pick({ pick }: { pick: FinderPick<DeviceSummary> }) {
  const { device } = pick
  const headingId = `finder-pick-${device.slug}`
  return (
    <li
      className={styles.pick}
      data-testid="finder-pick"
      data-device-slug={device.slug}
      data-rank={pick.rank}
      data-intended-use={device.intendedUse}
    >
      <article aria-labelledby={headingId}>
        <div className={styles.head}>
          <h3 id={headingId} className={styles.name}>
            <span className={styles.rank}>{pick.rank}.</span>{' '}
            <Link href={routes.device(device.slug)}>{device.name}</Link>
          </h3>
          <p className={styles.score} data-testid="finder-pick-score">
            <span className={styles.scoreLabel}>Score</span>{' '}
            <span>
              <span className={styles.scoreValue}>{pick.score}</span>
              <span className={styles.scoreScale} aria-hidden="true">
                /100
              </span>
              <span className="visually-hidden"> out of 100</span>
            </span>
          </p>
        </div>
        <p className={styles.kicker}>
          <UseBadge use={device.intendedUse} /> <span>{titleOf(formFactors, device.formFactor)}</span>{' '}
          <span>by {device.brand.name}</span>
        </p>
        <FromPrice device={device} />
        <h4 className={styles.reasonsHeading}>Why it is here</h4>
        <ul className={styles.reasons} data-testid="finder-reasons">
          {pick.reasons.map((reason) => (
            <Reason key={reason.text} reason={reason} />
          ))}
        </ul>
        <p className={styles.more}>
          <Link href={routes.device(device.slug)}>
            Read the review and compare shops<span className="visually-hidden"> for the {device.name}</span>
          </Link>
        </p>
      </article>
    </li>
  )
}

/** The ranked short list, best match first, each device with its score and every reason behind it. */
export function FinderPicks({ picks }: { picks: readonly FinderPick<DeviceSummary>[] }) {
  return (
    <ol className={styles.picks} data-testid="finder-picks">
      {picks.map((pick) => (
        <Pick key={pick.device._id} pick={pick} />
      ))}
    </ol>
  )
}
