import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sampleDatasetPath } from '../src/config.ts'
import * as loaders from '../src/loaders.ts'
import { hostIsAllowed, partnerRedirectUrl } from '../src/partnerLinks.ts'
import * as queries from '../src/queries.ts'
import { createEmbeddedSource } from '../src/source/embedded.ts'
import { parseNdjson, type StoredDocument } from '../src/source/ndjson.ts'
import { collectRejections } from './support/collectRejections.ts'
import { type QueryName, recordingSource } from './support/recordingSource.ts'

/**
 * Every query in queries.ts, run through its loader on the sample dataset with the embedded
 * source (groq-js), and parsed by the loader's zod schema. The sample is what a first run and the
 * browser tests show, so it must load completely: no document left out, nothing missing a page needs.
 */

const sample = parseNdjson(readFileSync(sampleDatasetPath, 'utf8'))
const sampleOfType = (type: string): StoredDocument[] =>
  sample.documents.filter((document) => document._type === type && !document._id.startsWith('drafts.'))
const slugOf = (document: StoredDocument) => (document.slug as { current: string }).current

const rejections = collectRejections()
let recorder: ReturnType<typeof recordingSource>
beforeEach(() => {
  recorder = recordingSource(createEmbeddedSource(sampleDatasetPath))
})
afterEach(() => {
  // Any document the schemas left out would be missing from a page of the sample site.
  expect(rejections, 'documents left out of the sample').toEqual([])
})

/** Runs a loader and checks it went through (only) the query under test. */
async function through<T>(query: QueryName, load: (source: typeof recorder.source) => Promise<T>): Promise<T> {
  const result = await load(recorder.source)
  expect(new Set(recorder.ran)).toEqual(new Set([query]))
  return result
}

const covered = new Set<QueryName>()
function describeQuery(query: QueryName, body: () => void) {
  covered.add(query)
  describe(query, body)
}

it('the sample dataset reads without a bad line', () => {
  expect(sample.problems).toEqual([])
  expect(sample.documents.length).toBeGreaterThan(0)
})

describeQuery('siteSettingsQuery', () => {
  it('has the disclosure, the medical disclaimer and the home-device caveats pages must show', async () => {
    const settings = await through('siteSettingsQuery', (source) => loaders.loadSiteSettings(source))
    expect(settings.siteName).not.toBe('')
    expect(settings.affiliateDisclosureShort.length).toBeGreaterThan(40)
    expect(settings.affiliateDisclosureShort).toMatch(/commission|affiliate|paid/i)
    expect(settings.affiliateDisclosureFull.length).toBeGreaterThan(0)
    expect(settings.medicalDisclaimer).toMatch(/not medical advice/i)
    // DESIGN rule 3 names five caveats: needles, results, cleaning, no quick fix, dermatologist.
    const caveats = settings.homeDeviceCaveats.map((caveat) => caveat.statement).join(' ')
    expect(settings.homeDeviceCaveats.length).toBeGreaterThanOrEqual(5)
    for (const topic of [/blunt|shorter/i, /temporary|limited/i, /clean|infection/i, /quick fix/i, /dermatologist/i]) {
      expect(caveats).toMatch(topic)
    }
  })
})

describeQuery('deviceSummariesQuery', () => {
  it('lists every device in the sample, sorted by name, home and professional alike', async () => {
    const devices = await through('deviceSummariesQuery', (source) => loaders.loadDeviceSummaries(source))
    expect(devices.length).toBeGreaterThanOrEqual(16)
    expect(devices.map((device) => device.slug).sort()).toEqual(sampleOfType('device').map(slugOf).sort())
    const names = devices.map((device) => device.name)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(new Set(devices.map((device) => device.intendedUse))).toEqual(new Set(['home', 'professional']))
  })

  it('gives each device what its card needs: brand, needle length, a rating and at least one offer', async () => {
    const devices = await through('deviceSummariesQuery', (source) => loaders.loadDeviceSummaries(source))
    for (const device of devices) {
      expect(device.brand.name, device.slug).not.toBe('')
      expect(device.needleLengthMm.min, device.slug).toBeGreaterThan(0)
      expect(device.needleLengthMm.max, device.slug).toBeLessThanOrEqual(3)
      expect(device.needles.adjustable, device.slug).toBe(device.needleLengthMm.min !== device.needleLengthMm.max)
      expect(device.rating, device.slug).toBeGreaterThan(0)
      expect(device.offers.length, device.slug).toBeGreaterThan(0)
      for (const offer of device.offers) expect(offer.partner.name, `${device.slug} ${offer.key}`).not.toBe('')
    }
  })
})

describeQuery('deviceBySlugQuery', () => {
  const slugs = sampleOfType('device').map(slugOf)

  it.each(slugs)('device page %s loads with its review, reviewer and review date', async (slug) => {
    const device = await through('deviceBySlugQuery', (source) => loaders.loadDevice(source, slug))
    expect(device).not.toBeNull()
    expect(device!.slug).toBe(slug)
    expect(device!.review.length).toBeGreaterThan(0)
    expect(device!.writer?.name ?? '').not.toBe('')
    expect(device!.medicalReviewer?.role).toBe('medicalReviewer')
    expect(device!.lastReviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('answers null for a slug that does not exist, so the page can 404', async () => {
    expect(await through('deviceBySlugQuery', (source) => loaders.loadDevice(source, 'no-such-device'))).toBeNull()
  })
})

describeQuery('devicesBySlugsQuery', () => {
  it('returns the devices a shopper picked, in the order picked, ignoring unknown slugs', async () => {
    const [first, second, third] = sampleOfType('device').map(slugOf).reverse()
    const picked = [first!, 'no-such-device', second!, third!]
    const devices = await through('devicesBySlugsQuery', (source) => loaders.loadDevicesBySlugs(source, picked))
    expect(devices.map((device) => device.slug)).toEqual([first, second, third])
  })
})

describeQuery('comparisonSummariesQuery', () => {
  it('lists every comparison, newest first, each naming two to four devices', async () => {
    const comparisons = await through('comparisonSummariesQuery', (source) => loaders.loadComparisonSummaries(source))
    expect(comparisons.map((comparison) => comparison.slug).sort()).toEqual(
      sampleOfType('comparison').map(slugOf).sort(),
    )
    const dates = comparisons.map((comparison) => comparison.publishedAt ?? '')
    expect(dates).toEqual([...dates].sort().reverse())
    for (const comparison of comparisons) {
      expect(comparison.deviceNames.length, comparison.slug).toBeGreaterThanOrEqual(2)
      expect(comparison.deviceNames.length, comparison.slug).toBeLessThanOrEqual(4)
    }
  })
})

describeQuery('comparisonBySlugQuery', () => {
  const comparisons = sampleOfType('comparison')

  it.each(comparisons.map((comparison) => [slugOf(comparison), comparison] as const))(
    'comparison %s loads with all of its two to four devices',
    async (slug, stored) => {
      const comparison = await through('comparisonBySlugQuery', (source) => loaders.loadComparison(source, slug))
      expect(comparison).not.toBeNull()
      const storedRefs = (stored.devices as { _ref: string }[]).map((reference) => reference._ref)
      expect(comparison!.devices.map((device) => device._id)).toEqual(storedRefs)
      expect(comparison!.devices.length).toBeGreaterThanOrEqual(2)
      expect(comparison!.devices.length).toBeLessThanOrEqual(4)
      expect(new Set(comparison!.devices.map((device) => device.slug)).size).toBe(comparison!.devices.length)
      expect(comparison!.body.length).toBeGreaterThan(0)
    },
  )

  it('answers null for a slug that does not exist', async () => {
    expect(
      await through('comparisonBySlugQuery', (source) => loaders.loadComparison(source, 'no-such-comparison')),
    ).toBeNull()
  })
})

describeQuery('guideSummariesQuery', () => {
  it('lists every guide, sorted by title', async () => {
    const guides = await through('guideSummariesQuery', (source) => loaders.loadGuideSummaries(source))
    expect(guides.map((guide) => guide.slug).sort()).toEqual(sampleOfType('guide').map(slugOf).sort())
    const titles = guides.map((guide) => guide.title)
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  })
})

describeQuery('guideBySlugQuery', () => {
  it.each(sampleOfType('guide').map(slugOf))(
    'guide %s loads with its body, writer and medical reviewer',
    async (slug) => {
      const guide = await through('guideBySlugQuery', (source) => loaders.loadGuide(source, slug))
      expect(guide).not.toBeNull()
      expect(guide!.body.length).toBeGreaterThan(0)
      expect(guide!.writer.name).not.toBe('')
      expect(guide!.medicalReviewer.role).toBe('medicalReviewer')
    },
  )

  it('answers null for a slug that does not exist', async () => {
    expect(await through('guideBySlugQuery', (source) => loaders.loadGuide(source, 'no-such-guide'))).toBeNull()
  })
})

describeQuery('authorsQuery', () => {
  it('lists writers and medical reviewers, and every byline on a device leads to one of them', async () => {
    const authors = await through('authorsQuery', (source) => loaders.loadAuthors(source))
    expect(authors.map((author) => author.slug).sort()).toEqual(sampleOfType('author').map(slugOf).sort())
    expect(new Set(authors.map((author) => author.role))).toEqual(new Set(['writer', 'medicalReviewer']))
    const authorIds = new Set(authors.map((author) => author._id))
    for (const device of sampleOfType('device')) {
      for (const field of ['writer', 'medicalReviewer']) {
        expect(authorIds, `${device._id} ${field}`).toContain((device[field] as { _ref: string })._ref)
      }
    }
  })
})

describeQuery('offerRedirectQuery', () => {
  const offers = sampleOfType('device').flatMap((device) =>
    ((device.offers ?? []) as { _key: string }[]).map((offer) => [slugOf(device), offer._key] as const),
  )

  it.each(offers)('/go/%s/%s redirects to an https URL on a host its partner allows', async (device, key) => {
    const target = await through('offerRedirectQuery', (source) => loaders.loadOfferRedirect(source, device, key))
    expect(target).not.toBeNull()
    expect(hostIsAllowed(target!.url, target!.partner.allowedHosts)).toBe(true)
    const redirect = partnerRedirectUrl(target!)
    expect(redirect).not.toBeNull()
    const tracking = target!.partner.trackingParameter
    if (tracking?.name) expect(new URL(redirect!).searchParams.get(tracking.name)).toBe(tracking.value)
  })

  it('finds no offer under another device, or under a key that does not exist', async () => {
    const [[firstDevice, firstKey], [secondDevice]] = [offers[0]!, offers.find(([device]) => device !== offers[0]![0])!]
    expect(
      await through('offerRedirectQuery', (source) => loaders.loadOfferRedirect(source, secondDevice, firstKey)),
    ).toBeNull()
    expect(
      await through('offerRedirectQuery', (source) => loaders.loadOfferRedirect(source, firstDevice, 'no-such-offer')),
    ).toBeNull()
  })
})

describeQuery('sitemapQuery', () => {
  it('lists every device, comparison and guide page, with a modification time', async () => {
    const sitemap = await through('sitemapQuery', (source) => loaders.loadSitemapEntries(source))
    const slugs = (entries: { slug: string }[]) => entries.map((entry) => entry.slug).sort()
    expect(slugs(sitemap.devices)).toEqual(sampleOfType('device').map(slugOf).sort())
    expect(slugs(sitemap.comparisons)).toEqual(sampleOfType('comparison').map(slugOf).sort())
    expect(slugs(sitemap.guides)).toEqual(sampleOfType('guide').map(slugOf).sort())
    for (const entry of [...sitemap.devices, ...sitemap.comparisons, ...sitemap.guides]) {
      expect(Number.isNaN(Date.parse(entry._updatedAt)), entry.slug).toBe(false)
    }
  })
})

describeQuery('knownPathsQuery', () => {
  it('lists every page slug, and every device with its offer keys', async () => {
    const known = await through('knownPathsQuery', (source) => loaders.loadKnownPaths(source))
    const slugs = (entries: { slug: string }[]) => entries.map((entry) => entry.slug).sort()
    expect(slugs(known.devices)).toEqual(sampleOfType('device').map(slugOf).sort())
    expect(slugs(known.comparisons)).toEqual(sampleOfType('comparison').map(slugOf).sort())
    expect(slugs(known.guides)).toEqual(sampleOfType('guide').map(slugOf).sort())
    for (const device of sampleOfType('device')) {
      const keys = ((device.offers ?? []) as { _key: string }[]).map((offer) => offer._key)
      expect(known.devices.find((entry) => entry.slug === slugOf(device))?.offerKeys ?? []).toEqual(keys)
    }
  })
})

it('covers every query exported from queries.ts (add a describeQuery block for a new one)', () => {
  expect([...covered].sort()).toEqual(Object.keys(queries).sort())
})
