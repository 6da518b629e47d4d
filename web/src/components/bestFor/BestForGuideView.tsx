import type { BestForGuideDetail, SiteSettings } from '@microneedling/content/schemas'
import { bestForRoles, concerns, titleOf } from '@microneedling/content/vocabulary'
import { lowestOffer } from '@/lib/catalogue/prices'
import { bestForItemListJsonLd } from '@/lib/seo/jsonLd'
import { absoluteUrl, routes } from '@/lib/seo/urls'
import { Breadcrumbs } from '../Breadcrumbs'
import { Byline } from '../Byline'
import { JsonLd } from '../JsonLd'
import { PartnerLinkFrame } from '../PartnerLinkFrame'
import { RichText } from '../RichText'
import { BestForCompetition } from './BestForCompetition'
import { BestForPicks } from './BestForPicks'

/**
 * A "best for" guide's page, inside the partner-link frame: the disclosure before the first pick's
 * shop link, the home-device caveats right after the picks (when a pick or a competitor is for
 * home use), the medical disclaimer at the end. Everything is decided from its props, so the page
 * and the tests render the same thing.
 */
export function BestForGuideView({
  guide,
  settings,
  priceStaleDays,
  now,
}: {
  guide: BestForGuideDetail
  settings: SiteSettings | null
  priceStaleDays: number
  now: Date
}) {
  const partnerLinksAllowed = settings !== null
  // One offer per pick, read once: the price shown, the shop linked and the JSON-LD all name it.
  const picks = guide.picks.map((pick) => ({ pick, offer: lowestOffer(pick.device.offers, now) }))
  const shownDevices = [...guide.picks, ...guide.competition].map((entry) => entry.device)
  const crumbs = [
    { name: 'Home', href: routes.home },
    { name: 'Best-for guides', href: routes.bestForGuides },
    { name: guide.title, href: routes.bestForGuide(guide.slug) },
  ]
  const itemList = bestForItemListJsonLd({
    title: guide.title,
    pageUrl: absoluteUrl(routes.bestForGuide(guide.slug)),
    picks: picks.map(({ pick, offer }) => ({
      roleTitle: titleOf(bestForRoles, pick.role),
      reason: pick.reason,
      device: pick.device,
      deviceUrl: absoluteUrl(routes.device(pick.device.slug)),
      // Only an offer the page links to: none when partner links are withheld.
      ...(offer && partnerLinksAllowed
        ? { offer: { offer, url: absoluteUrl(routes.partner(pick.device.slug, offer.key)) } }
        : {}),
    })),
  })

  return (
    <PartnerLinkFrame settings={settings} devices={shownDevices} withMedicalDisclaimer>
      {({ caveats }) => (
        <>
          <JsonLd data={itemList} />
          <Breadcrumbs items={crumbs} />
          <article data-testid="best-for-guide">
            <header className="page-intro">
              <p className="meta">Best for: {titleOf(concerns, guide.concern)}</p>
              <h1>{guide.title}</h1>
              <Byline
                writer={guide.writer}
                medicalReviewer={guide.medicalReviewer}
                lastReviewedAt={guide.lastUpdatedAt}
                dateLabel="Last updated"
              />
            </header>

            <section className="section" aria-labelledby="who-heading" data-testid="best-for-who">
              <h2 id="who-heading">Who this is for</h2>
              <p>{guide.whoItIsFor}</p>
            </section>

            <section className="section" aria-labelledby="picks-heading">
              <h2 id="picks-heading">Our picks</h2>
              <BestForPicks
                picks={picks}
                partnerLinksAllowed={partnerLinksAllowed}
                staleDays={priceStaleDays}
                now={now}
              />
            </section>

            {caveats}

            <section className="section" aria-labelledby="method-heading" data-testid="best-for-method">
              <h2 id="method-heading">How we chose</h2>
              <RichText value={guide.howWeChose} />
            </section>

            {guide.competition.length > 0 ? (
              <section className="section" aria-labelledby="competition-heading">
                <h2 id="competition-heading">The competition</h2>
                <BestForCompetition competition={guide.competition} />
              </section>
            ) : null}
          </article>
        </>
      )}
    </PartnerLinkFrame>
  )
}
