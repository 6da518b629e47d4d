import { formatPrice, needleLengthText } from '@microneedling/content/formatting'
import type { DeviceSummary } from '@microneedling/content/schemas'
import { formFactors, needleMaterials, titleOf } from '@microneedling/content/vocabulary'
import Link from 'next/link'
import { lowestPrice, noPriceText } from '@/lib/catalogue/prices'
import { deviceRunningCosts } from '@/lib/catalogue/runningCosts'
import { routes } from '@/lib/seo/urls'
import styles from './DeviceCard.module.css'
import { DevicePictogram } from './DevicePictogram'
import { Rating } from './Rating'
import { UseBadge } from './UseBadge'

/** A device in a list: what it is, our verdict, the key facts, and where to go next. */
export function DeviceCard({
  device,
  reasonLabel,
}: {
  device: DeviceSummary
  /** Shown before the verdict when the card is a pick ("Why we pick it"). */
  reasonLabel?: string
}) {
  const price = lowestPrice(device)
  const runningCosts = deviceRunningCosts(device)
  return (
    <article className={styles.card} data-intended-use={device.intendedUse}>
      <div className={styles.head}>
        <DevicePictogram formFactor={device.formFactor} size="small" />
        <p className={styles.kicker} data-testid="device-card-kicker">
          <UseBadge use={device.intendedUse} /> <span>{titleOf(formFactors, device.formFactor)}</span>
        </p>
        <Rating value={device.rating} />
      </div>
      <h3 className={styles.name}>
        <Link href={routes.device(device.slug)}>{device.name}</Link>
      </h3>
      <p className={styles.brand}>{device.brand.name}</p>
      <p className={styles.verdict}>
        {reasonLabel ? <strong>{reasonLabel} </strong> : null}
        {device.verdict}
      </p>
      <dl className={styles.facts}>
        <div>
          <dt>Needle length</dt>
          <dd>{needleLengthText(device.needleLengthMm, device.needles.adjustable)}</dd>
        </div>
        <div>
          <dt>Material</dt>
          <dd>{titleOf(needleMaterials, device.needles.material)}</dd>
        </div>
        <div>
          <dt>Price</dt>
          <dd>{price ? `From ${formatPrice(price.amount, price.currency)}` : noPriceText(device)}</dd>
        </div>
        <div>
          <dt>First-year cost</dt>
          <dd data-testid="device-card-first-year">
            {runningCosts.known ? (
              runningCosts.firstYear.text
            ) : (
              <span className={styles.unknown}>{runningCosts.shortReason}</span>
            )}
          </dd>
        </div>
      </dl>
      <p className={styles.actions}>
        <Link href={routes.device(device.slug)}>
          Read the review<span className="visually-hidden"> of the {device.name}</span>
        </Link>
        <Link href={routes.compareDevices([device.slug])} prefetch={false}>
          Compare<span className="visually-hidden"> the {device.name}</span> with others
        </Link>
      </p>
    </article>
  )
}

/** Device cards in a grid, as many to a row as fit. */
export function DeviceCardList({
  devices,
  reasonLabel,
}: {
  devices: readonly DeviceSummary[]
  /** Passed to every card (see DeviceCard). */
  reasonLabel?: string
}) {
  return (
    <ul className={styles.grid} data-testid="device-list">
      {devices.map((device) => (
        <li key={device.slug}>
          <DeviceCard device={device} reasonLabel={reasonLabel} />
        </li>
      ))}
    </ul>
  )
}
