import { contentLakeSettings } from '@microneedling/content/config'
import { defaultPriceStaleDays } from '@microneedling/content/editorialChecks'
import { formatNeedleLength, formatPrice } from '@microneedling/content/formatting'
import { concerns as concernTerms, formFactors, titleOf } from '@microneedling/content/vocabulary'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import button from '@/components/Button.module.css'
import { Byline } from '@/components/Byline'
import { DeviceGallery, DeviceImage } from '@/components/DeviceImage'
import { JsonLd } from '@/components/JsonLd'
import { NeedleDepthChart } from '@/components/NeedleDepthChart'
import { OfferList } from '@/components/OfferList'
import { PartnerLinkFrame } from '@/components/PartnerLinkFrame'
import { ProsCons } from '@/components/ProsCons'
import { Rating } from '@/components/Rating'
import { RichText } from '@/components/RichText'
import { RunningCostFigures } from '@/components/RunningCostFigures'
import { SpecsTable } from '@/components/SpecsTable'
import { UseBadge } from '@/components/UseBadge'
import { lowestPrice, noPriceText } from '@/lib/catalogue/prices'
import { getDevice, getPrerenderedDeviceSlugs, getSiteSettings, staticSlugs } from '@/lib/content/siteContent'
import { siteEnvironment } from '@/lib/env/siteEnvironment'
import { devicePriceHistory } from '@/lib/priceHistory/devicePriceHistory'
import { productJsonLd } from '@/lib/seo/jsonLd'
import { metaDescription, pageMetadata } from '@/lib/seo/metadata'
import { absoluteUrl, routes } from '@/lib/seo/urls'
import styles from './page.module.css'

/**
 * Rendered again at most an hour after it was last rendered, besides on publish and after a feed
 * import (both expire its tags): a page built with no database (`next build`) gets its price
 * history soon after the server starts, and "the last 30 days" move on without an edit.
 */
export const revalidate = 3600

export function generateStaticParams() {
  return staticSlugs(getPrerenderedDeviceSlugs)
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params
  const device = await getDevice(slug)
  if (!device) return { title: 'Device not found', robots: { index: false } }
  return pageMetadata({
    title: `${device.name} review`,
    description: metaDescription(
      `${device.verdict} ${titleOf(formFactors, device.formFactor)} for ${device.intendedUse === 'home' ? 'home' : 'professional'} use with ${formatNeedleLength(device.needleLengthMm)} needles, rated ${device.rating}/10.`,
    ),
    path: routes.device(device.slug),
    type: 'article',
  })
}

export default async function DevicePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const [device, settings] = await Promise.all([getDevice(slug), getSiteSettings()])
  if (!device) notFound()

  const partnerLinksAllowed = settings !== null
  // Only where the photos are served from: the settings also hold the read token.
  const contentLake = contentLakeSettings(siteEnvironment())
  const imageProject = contentLake && { projectId: contentLake.projectId, dataset: contentLake.dataset }
  const shownOffers = partnerLinksAllowed ? device.offers : []
  const now = new Date()
  const priceHistories = shownOffers.length > 0 ? await devicePriceHistory(device._id, now) : undefined
  const price = lowestPrice(device)
  const pageUrl = absoluteUrl(routes.device(device.slug))
  const crumbs = [
    { name: 'Home', href: routes.home },
    { name: 'Devices', href: routes.devices },
    { name: device.name, href: routes.device(device.slug) },
  ]

  return (
    <PartnerLinkFrame settings={settings} devices={[device]} withMedicalDisclaimer>
      {({ caveats }) => (
        <>
          <JsonLd
            data={productJsonLd({
              device,
              pageUrl,
              offers: shownOffers.map((offer) => ({ offer, url: absoluteUrl(routes.partner(device.slug, offer.key)) })),
              authorUrl: (author) => absoluteUrl(routes.author(author.slug)),
            })}
          />
          <Breadcrumbs items={crumbs} />

          <article data-intended-use={device.intendedUse}>
            <header className={styles.hero}>
              <DeviceImage
                image={device.images[0]}
                project={imageProject}
                formFactor={device.formFactor}
                pictogramSize="large"
                sizes="(min-width: 48rem) 16rem, 10rem"
                aboveTheFold
              />
              <div>
                <p className={styles.kicker}>
                  <UseBadge use={device.intendedUse} /> {titleOf(formFactors, device.formFactor)} by {device.brand.name}
                </p>
                <h1>{device.name}</h1>
                <p className={styles.verdict}>
                  <strong>Our verdict:</strong> {device.verdict}
                </p>
                <div className={styles.facts}>
                  <Rating value={device.rating} size="large" />
                  <p className={styles.price}>
                    {price ? (
                      <>
                        From <strong>{formatPrice(price.amount, price.currency)}</strong>
                        {partnerLinksAllowed && device.offers.length > 0 ? (
                          <>
                            {' '}
                            · <a href="#where-to-buy">Where to buy</a>
                          </>
                        ) : null}
                      </>
                    ) : (
                      noPriceText(device)
                    )}
                  </p>
                  <p>
                    <Link
                      href={routes.compareDevices([device.slug])}
                      className={`${button.button} ${button.secondary}`}
                      prefetch={false}
                    >
                      Add to comparison
                    </Link>
                  </p>
                </div>
                <Byline
                  writer={device.writer}
                  medicalReviewer={device.medicalReviewer}
                  lastReviewedAt={device.lastReviewedAt}
                />
              </div>
            </header>

            {caveats}

            <section className="section" aria-labelledby="specs-heading">
              <h2 id="specs-heading">Specifications and needles</h2>
              <div className={styles.specsLayout}>
                <SpecsTable device={device} />
                <NeedleDepthChart devices={[device]} id="device-depth" />
              </div>
            </section>

            <section className="section" aria-labelledby="running-costs-heading" data-testid="running-costs">
              <h2 id="running-costs-heading">What it costs to keep</h2>
              <RunningCostFigures device={device} now={now} />
            </section>

            <section className="section" aria-labelledby="pros-cons-heading">
              <h2 id="pros-cons-heading">Pros and cons</h2>
              <ProsCons pros={device.pros} cons={device.cons} />
            </section>

            <section className="section" aria-labelledby="concerns-heading">
              <h2 id="concerns-heading">Skin concerns it is used for</h2>
              {device.concerns.length > 0 ? (
                <ul className={styles.tagList}>
                  {device.concerns.map((concern) => (
                    <li key={concern}>
                      <Link href={`${routes.devices}?concern=${encodeURIComponent(concern)}`}>
                        {titleOf(concernTerms, concern)}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>The maker does not list specific concerns.</p>
              )}
              <p className="fine-print">Listed because the device is marketed for them, not as a promise of results.</p>
            </section>

            <section className="section" aria-labelledby="review-heading">
              <h2 id="review-heading">Our review</h2>
              <RichText value={device.review} />
            </section>

            <DeviceGallery images={device.images.slice(1)} project={imageProject} />

            <section className="section" aria-labelledby="care-heading">
              <h2 id="care-heading">Care and cleaning</h2>
              {device.care ? (
                <div className={styles.careText}>
                  {device.care.split(/\n{2,}/).map((paragraph) => (
                    <p key={paragraph}>{paragraph}</p>
                  ))}
                </div>
              ) : (
                <p>Follow the maker&apos;s cleaning instructions, and never share a device.</p>
              )}
            </section>

            <OfferList
              deviceSlug={device.slug}
              deviceName={device.name}
              offers={device.offers}
              partnerLinksAllowed={partnerLinksAllowed}
              priceStaleDays={siteEnvironment().PRICE_STALE_DAYS ?? defaultPriceStaleDays}
              priceHistories={priceHistories}
              now={now}
            />
          </article>
        </>
      )}
    </PartnerLinkFrame>
  )
}
