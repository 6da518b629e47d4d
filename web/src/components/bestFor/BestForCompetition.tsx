import type { BestForGuideDetail } from '@microneedling/content/schemas'
import Link from 'next/link'
import { routes } from '@/lib/seo/urls'
import { UseBadge } from '../UseBadge'
import styles from './BestForCompetition.module.css'

/** The devices a guide considered and did not pick, each with the one line that says why. */
export function BestForCompetition({ competition }: { competition: BestForGuideDetail['competition'] }) {
  return (
    <ul className={styles.competition} data-testid="best-for-competition">
      {competition.map(({ key, note, device }) => (
        <li key={key} data-intended-use={device.intendedUse} data-device-slug={device.slug}>
          <p className={styles.name}>
            <Link href={routes.device(device.slug)}>{device.name}</Link> <UseBadge use={device.intendedUse} />
          </p>
          <p className={styles.note}>{note}</p>
        </li>
      ))}
    </ul>
  )
}
