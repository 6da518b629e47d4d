import type { Caveat } from '@microneedling/content/schemas'
import Link from 'next/link'
import { routes } from '@/lib/seo/urls'

/** The caveats every page that shows a home device carries, with the guide that explains them. */
export function HomeDeviceCaveats({ caveats }: { caveats: readonly Caveat[] }) {
  return (
    <section className="caveats" data-testid="home-device-caveats" aria-labelledby="home-device-caveats-heading">
      <h2 id="home-device-caveats-heading" className="caveats-heading">
        Before you buy a home device
      </h2>
      <ul className="caveats-list">
        {caveats.map((caveat) => (
          <li key={caveat._key}>{caveat.statement}</li>
        ))}
      </ul>
      <p className="caveats-more">
        <Link href={routes.homeVersusProfessionalGuide}>Read our guide: home vs professional microneedling</Link>
      </p>
    </section>
  )
}
