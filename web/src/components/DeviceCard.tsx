import { formatNeedleLength, formatPrice } from '@microneedling/content/formatting'
import type { DeviceSummary } from '@microneedling/content/schemas'
import { formFactors, intendedUses, needleMaterials, titleOf } from '@microneedling/content/vocabulary'
import Link from 'next/link'
import { lowestPrice } from '@/lib/catalogue/prices'
import { routes } from '@/lib/seo/urls'
import { DevicePictogram } from './DevicePictogram'
import { Rating } from './Rating'

export function UseBadge({ use }: { use: string }) {
  return <span className={`badge badge-${use}`}>{titleOf(intendedUses, use)}</span>
}

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
  return (
    <article className="device-card" data-intended-use={device.intendedUse}>
      <div className="device-card-head">
        <DevicePictogram formFactor={device.formFactor} className="pictogram-small" />
        <p className="device-card-kicker">
          <UseBadge use={device.intendedUse} /> <span>{titleOf(formFactors, device.formFactor)}</span>
        </p>
        <Rating value={device.rating} />
      </div>
      <h3 className="device-card-name">
        <Link href={routes.device(device.slug)}>{device.name}</Link>
      </h3>
      <p className="device-card-brand">{device.brand.name}</p>
      <p className="device-card-verdict">
        {reasonLabel ? <strong>{reasonLabel} </strong> : null}
        {device.verdict}
      </p>
      <dl className="device-card-facts">
        <div>
          <dt>Needle length</dt>
          <dd>
            {formatNeedleLength(device.needleLengthMm)}
            {device.needles.adjustable ? ' (adjustable)' : ''}
          </dd>
        </div>
        <div>
          <dt>Material</dt>
          <dd>{titleOf(needleMaterials, device.needles.material)}</dd>
        </div>
        <div>
          <dt>Price</dt>
          <dd>{price ? `From ${formatPrice(price.amount, price.currency)}` : 'No current offers'}</dd>
        </div>
      </dl>
      <p className="device-card-actions">
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
