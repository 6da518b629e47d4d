import { formatPrice } from '@microneedling/content/formatting'
import type { DeviceSummary } from '@microneedling/content/schemas'
import Link from 'next/link'
import type { PageKind } from '@/lib/clicks/pageKinds'
import { buildCompareRows, type CompareCell } from '@/lib/compare/compareRows'
import { routes } from '@/lib/seo/urls'
import { listInWords } from '@/lib/text/formatting'
import styles from './ComparisonTable.module.css'
import { DevicePictogram } from './DevicePictogram'
import { PartnerLink } from './PartnerLink'
import tableScroll from './TableScroll.module.css'

function Cell({
  cell,
  device,
  partnerLinksAllowed,
  from,
}: {
  cell: CompareCell
  device: DeviceSummary
  partnerLinksAllowed: boolean
  from: PageKind
}) {
  switch (cell.kind) {
    case 'text':
      return <>{cell.text}</>
    case 'figure':
      return (
        <>
          <strong>{cell.text}</strong>
          <span className={styles.working}>{cell.working}</span>
        </>
      )
    case 'list':
      return cell.items.length > 0 ? (
        <ul className={styles.cellList}>
          {cell.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : (
        cell.empty
      )
    case 'offers':
      if (cell.offers.length === 0) return <>No current offers</>
      if (!partnerLinksAllowed) return <>Shop links are not available right now</>
      return (
        <ul className={`${styles.cellList} ${styles.cellOffers}`}>
          {cell.offers.map((offer) => (
            <li key={offer.key}>
              <PartnerLink deviceSlug={device.slug} offerKey={offer.key} from={from}>
                {formatPrice(offer.price, offer.currency)} at {offer.partner.name}
              </PartnerLink>
            </li>
          ))}
        </ul>
      )
  }
}

/**
 * Two to four devices side by side in one table. Rows where the devices differ carry a visible
 * "Differs" label (not colour alone), and the caption says so.
 */
export function ComparisonTable({
  devices,
  partnerLinksAllowed,
  removeHref,
  from,
}: {
  devices: readonly DeviceSummary[]
  partnerLinksAllowed: boolean
  /** The page the table is on, for the click reports: the compare tool or a curated comparison. */
  from: 'compare' | 'comparison'
  /** Where "Remove" goes for each device (the compare tool); absent for curated comparisons. */
  removeHref?: (slug: string) => string
}) {
  const rows = buildCompareRows(devices)
  const differing = rows.filter((row) => row.differs).length
  const captionId = 'comparison-caption'
  return (
    // A scrolling region must be focusable so keyboard users can scroll it (WCAG 2.1.1).
    // biome-ignore lint/a11y/useSemanticElements: a <section> would add a landmark heading level
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    <div className={tableScroll.region} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table} data-testid="comparison-table">
        <caption id={captionId}>
          <span className={styles.captionInner}>
            {listInWords(devices.map((device) => device.name))} compared.{' '}
            <span className={styles.captionNote}>
              {differing === 0
                ? 'They match on every row.'
                : `Rows marked “Differs” (${differing} of ${rows.length}) are where they are not the same.`}
            </span>
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>
              Feature
            </th>
            {devices.map((device) => (
              <th scope="col" key={device.slug} className={styles.device} data-intended-use={device.intendedUse}>
                <DevicePictogram formFactor={device.formFactor} size="small" className={styles.pictogram} />
                <Link href={routes.device(device.slug)} className={styles.deviceName}>
                  {device.name}
                </Link>
                <span className={styles.deviceBrand}>{device.brand.name}</span>
                {removeHref ? (
                  <Link href={removeHref(device.slug)} className={styles.remove} prefetch={false}>
                    Remove<span className="visually-hidden"> {device.name} from the comparison</span>
                  </Link>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              className={row.differs ? styles.differs : undefined}
              data-differs={row.differs ? 'true' : 'false'}
            >
              <th scope="row">
                {row.label}
                {row.differs ? (
                  <span className={styles.differsBadge} data-testid="differs-badge">
                    Differs
                  </span>
                ) : null}
              </th>
              {row.cells.map((cell, index) => (
                <td key={devices[index]!.slug}>
                  <Cell cell={cell} device={devices[index]!} partnerLinksAllowed={partnerLinksAllowed} from={from} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
