import type { Caveat } from '@microneedling/content/schemas'
import Link from 'next/link'
import { routes } from '@/lib/seo/urls'
import styles from './HomeDeviceCaveats.module.css'

/** The caveats every page that shows a home device carries, with the guide that explains them. */
export function HomeDeviceCaveats({ caveats }: { caveats: readonly Caveat[] }) {
  return (
    <section className={styles.caveats} data-testid="home-device-caveats" aria-labelledby="home-device-caveats-heading">
      <h2 id="home-device-caveats-heading" className={styles.heading}>
        Before you buy a home device
      </h2>
      <ul className={styles.list}>
        {caveats.map((caveat) => (
          <li key={caveat._key}>{caveat.statement}</li>
        ))}
      </ul>
      <p className={styles.more}>
        <Link href={routes.homeVersusProfessionalGuide}>Read our guide: home vs professional microneedling</Link>
      </p>
    </section>
  )
}
