import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sampleDatasetPath } from '../src/config.ts'
import * as loaders from '../src/loaders.ts'
import { hostIsAllowed, partnerRedirectUrl } from '../src/partnerLinks.ts'
import * as queries from '../src/queries.ts'
import { createEmbeddedSource } from '../src/source/embedded.ts'
import { parseNdjson, type StoredDocument } from '../src/source/ndjson.ts'
import { bestForRoles, concerns } from '../src/vocabulary.ts'
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
type StoredOffer = { price: number; currency: string; availability?: string }
const offersOf = (document: StoredDocument) => (document.offers as StoredOffer[] | undefined) ?? []
/** The lowest price in pounds a device's offers in stock ask (Infinity when none). */
const priceOf = (document: StoredDocument) =>
  Math.min(
    ...offersOf(document)
      .filter((offer) => offer.currency === 'GBP' && offer.availability !== 'outOfStock')
      .map((offer) => offer.price),
  )

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
    // The site's rule 3 (CONTRIBUTING.md) names five caveats: needles, results, cleaning, no quick fix, dermatologist.
    const caveats = settings.homeDeviceCaveats.map((caveat) => caveat.statement).join(' ')
    expect(settings.homeDeviceCaveats.length).toBeGreaterThanOrEqual(5)
    for (const topic of [/blunt|shorter/i, /temporary|limited/i, /clean|infection/i, /quick fix/i, /dermatologist/i]) {
      expect(caveats).toMatch(topic)
    }
  })
})

/** Every device in the sample, as lists load them: one page as long as the catalogue. */
const allDevices = (source: typeof recorder.source) =>
  loaders.loadDeviceListPage(source, { sort: 'name' }, 1, { pageSize: 1000 }).then((page) => page.devices)

describeQuery('deviceListPageQuery', () => {
  it('lists every device in the sample, sorted by name, home and professional alike', async () => {
    const devices = await through('deviceListPageQuery', allDevices)
    expect(devices.length).toBeGreaterThanOrEqual(16)
    expect(devices.map((device) => device.slug).sort()).toEqual(sampleOfType('device').map(slugOf).sort())
    const names = devices.map((device) => device.name.toLowerCase())
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(new Set(devices.map((device) => device.intendedUse))).toEqual(new Set(['home', 'professional']))
  })

  it('gives each device what its card needs: brand, needle length, a rating and at least one offer', async () => {
    const devices = await through('deviceListPageQuery', allDevices)
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

  it('pages through the filtered list without overlap or gaps, and counts what matches', async () => {
    const filters = { use: 'home', sort: 'price-asc' } as const
    const everything = await through('deviceListPageQuery', (source) =>
      loaders.loadDeviceListPage(source, filters, 1, { pageSize: 1000 }),
    )
    const homeDevices = sampleOfType('device').filter((device) => device.intendedUse === 'home')
    expect(everything.total).toBe(homeDevices.length)
    expect(everything.catalogueSize).toBe(sampleOfType('device').length)
    const paged: string[] = []
    for (let page = 1; page <= Math.ceil(everything.total / 3); page += 1) {
      const result = await loaders.loadDeviceListPage(recorder.source, filters, page, { pageSize: 3 })
      expect(result.total).toBe(everything.total)
      paged.push(...result.devices.map((device) => device.slug))
    }
    expect(paged).toEqual(everything.devices.map((device) => device.slug))
  })

  it('sorts by rating, price and needle length, with devices lacking a price last either way', async () => {
    const load = (sort: 'rating' | 'price-asc' | 'price-desc' | 'needle-asc' | 'needle-desc') =>
      loaders.loadDeviceListPage(recorder.source, { sort }, 1, { pageSize: 1000 }).then((page) => page.devices)
    const ratings = (await load('rating')).map((device) => device.rating)
    expect(ratings).toEqual([...ratings].sort((a, b) => b - a))
    const fromPrice = (device: { offers: { price: number; currency: string; availability: string }[] }) => {
      const buyable = device.offers.filter((offer) => offer.availability !== 'outOfStock')
      const pounds = buyable.filter((offer) => offer.currency === 'GBP')
      return Math.min(...(pounds.length > 0 ? pounds : buyable).map((offer) => offer.price))
    }
    const ascending = (await load('price-asc')).map(fromPrice)
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b))
    const descending = (await load('price-desc')).map(fromPrice)
    expect(descending).toEqual([...descending].sort((a, b) => b - a))
    const shortest = (await load('needle-asc')).map((device) => device.needleLengthMm.min)
    expect(shortest).toEqual([...shortest].sort((a, b) => a - b))
    const longest = (await load('needle-desc')).map((device) => device.needleLengthMm.max)
    expect(longest).toEqual([...longest].sort((a, b) => b - a))
  })

  it('never lets an offer out of stock set the price a device sorts and filters by', async () => {
    // The cheapest device of the sample, sold out everywhere: it has no price to sort or filter by.
    const devices = sampleOfType('device')
    const cheapest = devices.reduce((best, device) => (priceOf(device) < priceOf(best) ? device : best))
    const soldOut = {
      ...cheapest,
      offers: offersOf(cheapest).map((offer) => ({ ...offer, availability: 'outOfStock' })),
    }
    const directory = mkdtempSync(join(tmpdir(), 'sold-out-'))
    const path = join(directory, 'dataset.ndjson')
    writeFileSync(
      path,
      sample.documents.map((document) => JSON.stringify(document._id === cheapest._id ? soldOut : document)).join('\n'),
    )
    try {
      const source = createEmbeddedSource(path)
      const slugs = (filters: Parameters<typeof loaders.loadDeviceListPage>[1]) =>
        loaders
          .loadDeviceListPage(source, filters, 1, { pageSize: 1000 })
          .then((page) => page.devices.map((d) => d.slug))
      for (const sort of ['price-asc', 'price-desc'] as const)
        expect((await slugs({ sort })).at(-1), sort).toBe(slugOf(cheapest))
      const belowAnyPrice = await slugs({ sort: 'price-asc', maxPrice: priceOf(cheapest) })
      expect(belowAnyPrice).not.toContain(slugOf(cheapest))
      expect(await slugs({ sort: 'price-asc', minPrice: 0 })).not.toContain(slugOf(cheapest))
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })

  it('sorts and filters by what a shopper pays now: a sale price only while its sale applies', async () => {
    const devices = sampleOfType('device')
    const dearest = devices.reduce((worst, device) => (priceOf(device) > priceOf(worst) ? device : worst))
    const withSale = (salePriceEffective: { from: string; to: string }) => ({
      ...dearest,
      offers: offersOf(dearest).map((offer) => ({ ...offer, salePrice: 1, salePriceEffective })),
    })
    const day = 86_400_000
    const running = { from: new Date(Date.now() - day).toISOString(), to: new Date(Date.now() + day).toISOString() }
    const over = { from: new Date(Date.now() - 3 * day).toISOString(), to: new Date(Date.now() - day).toISOString() }
    for (const [period, first] of [
      [running, true],
      [over, false],
    ] as const) {
      const directory = mkdtempSync(join(tmpdir(), 'on-sale-'))
      const path = join(directory, 'dataset.ndjson')
      writeFileSync(
        path,
        sample.documents
          .map((document) => JSON.stringify(document._id === dearest._id ? withSale(period) : document))
          .join('\n'),
      )
      try {
        const source = createEmbeddedSource(path)
        const sorted = await loaders.loadDeviceListPage(source, { sort: 'price-asc' }, 1, { pageSize: 1000 })
        expect(sorted.devices[0]!.slug === slugOf(dearest), JSON.stringify(period)).toBe(first)
        const cheap = await loaders.loadDeviceListPage(source, { sort: 'price-asc', maxPrice: 1 }, 1, {
          pageSize: 1000,
        })
        expect(cheap.devices.map((device) => device.slug)).toEqual(first ? [slugOf(dearest)] : [])
      } finally {
        rmSync(directory, { recursive: true, force: true })
      }
    }
  })

  it('filters by needle length range and price in the query, as the list describes them', async () => {
    const { devices } = await loaders.loadDeviceListPage(
      recorder.source,
      { sort: 'rating', maxNeedle: 0.5, minPrice: 10, maxPrice: 60 },
      1,
      { pageSize: 1000 },
    )
    expect(devices.length).toBeGreaterThan(0)
    for (const device of devices) {
      expect(device.needleLengthMm.min, device.slug).toBeLessThanOrEqual(0.5)
    }
    const all = await loaders.loadDeviceListPage(recorder.source, { sort: 'rating' }, 1, { pageSize: 1000 })
    expect(devices.length).toBeLessThan(all.devices.length)
  })

  it('answers an empty page past the end, with the total still counted', async () => {
    const result = await through('deviceListPageQuery', (source) =>
      loaders.loadDeviceListPage(source, { sort: 'rating' }, 99),
    )
    expect(result.devices).toEqual([])
    expect(result.total).toBe(sampleOfType('device').length)
  })
})

describeQuery('deviceFacetsQuery', () => {
  it('counts, for each option, the devices that choosing it would list: counts agree with the results', async () => {
    await through('deviceFacetsQuery', (source) => loaders.loadDeviceFacets(source, {}))
    for (const active of [{}, { use: 'home' as const }, { form: 'dermaRoller' as const, maxNeedle: 0.5 }]) {
      const facets = await loaders.loadDeviceFacets(recorder.source, active)
      for (const facet of ['use', 'form', 'material', 'concern'] as const) {
        expect(facets[facet].length, facet).toBeGreaterThan(1)
        for (const option of facets[facet]) {
          const listed = await loaders.loadDeviceListPage(
            recorder.source,
            { ...active, [facet]: option.value, sort: 'rating' },
            1,
          )
          expect(listed.total, `${JSON.stringify(active)} + ${facet}=${option.value}`).toBe(option.count)
        }
      }
    }
  })
})

describeQuery('topRatedDevicesQuery', () => {
  it('gives the best-rated devices and the best of each use', async () => {
    const top = await through('topRatedDevicesQuery', (source) => loaders.loadTopRatedDevices(source, 3))
    const devices = await allDevices(recorder.source)
    const byRating = [...devices].sort((a, b) => b.rating - a.rating)
    expect(top.overall.map((device) => device.rating)).toEqual(byRating.slice(0, 3).map((device) => device.rating))
    expect(top.home?.rating).toBe(byRating.find((device) => device.intendedUse === 'home')?.rating)
    expect(top.professional?.rating).toBe(byRating.find((device) => device.intendedUse === 'professional')?.rating)
  })
})

describeQuery('prerenderedDeviceSlugsQuery', () => {
  it('names the best-rated devices and every device a comparison names, once each', async () => {
    const slugs = await through('prerenderedDeviceSlugsQuery', (source) =>
      loaders.loadPrerenderedDeviceSlugs(source, 2),
    )
    expect(new Set(slugs).size).toBe(slugs.length)
    const comparedIds = sampleOfType('comparison').flatMap((comparison) =>
      (comparison.devices as { _ref: string }[]).map((reference) => reference._ref),
    )
    const comparedSlugs = sampleOfType('device')
      .filter((device) => comparedIds.includes(device._id))
      .map(slugOf)
    for (const slug of comparedSlugs) expect(slugs).toContain(slug)
    expect(slugs.length).toBeLessThan(sampleOfType('device').length)
  })
})

describeQuery('deviceSearchQuery', () => {
  it('finds devices by words of their name or brand, leaving out those already chosen', async () => {
    const [device] = sampleOfType('device')
    const brand = sample.documents.find((document) => document._id === (device!.brand as { _ref: string })._ref)!
    const nameWord = String(device!.name).split(' ').at(-1)!.slice(0, 4)
    const brandWord = String(brand.name).split(' ')[0]!.toUpperCase()
    const found = await through('deviceSearchQuery', (source) =>
      loaders.searchDevices(source, `${brandWord} ${nameWord}`, { limit: 8 }),
    )
    expect(found.map((choice) => choice.slug)).toContain(slugOf(device!))
    for (const choice of found)
      expect(`${choice.brand} ${choice.name}`.toLowerCase()).toContain(brandWord.toLowerCase())
    const without = await loaders.searchDevices(recorder.source, `${brandWord} ${nameWord}`, {
      limit: 8,
      exclude: [slugOf(device!)],
    })
    expect(without.map((choice) => choice.slug)).not.toContain(slugOf(device!))
    expect(await loaders.searchDevices(recorder.source, brandWord, { limit: 1 })).toHaveLength(1)
  })

  it('runs no query for text with nothing to search, and finds nothing for an unknown word', async () => {
    expect(await loaders.searchDevices(recorder.source, ' *?! ', { limit: 8 })).toEqual([])
    expect(recorder.ran).toEqual([])
    expect(await loaders.searchDevices(recorder.source, 'zzzxqv', { limit: 8 })).toEqual([])
  })
})

describeQuery('similarDevicesQuery', () => {
  it('suggests devices of the same type and use, best rated first, never the chosen ones', async () => {
    const devices = sampleOfType('device')
    const kind = (candidate: StoredDocument) => `${candidate.formFactor} ${candidate.intendedUse}`
    const device = devices.find((candidate) =>
      devices.some((other) => other !== candidate && kind(other) === kind(candidate)),
    )
    const like = [{ formFactor: String(device!.formFactor), intendedUse: String(device!.intendedUse) }]
    const similar = await through('similarDevicesQuery', (source) =>
      loaders.loadSimilarDevices(source, like, { exclude: [slugOf(device!)], limit: 4 }),
    )
    expect(similar.length).toBeGreaterThan(0)
    expect(similar.length).toBeLessThanOrEqual(4)
    for (const choice of similar) {
      expect(choice.slug).not.toBe(slugOf(device!))
      expect(choice.formFactor).toBe(device!.formFactor)
      expect(choice.intendedUse).toBe(device!.intendedUse)
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
      expect(comparison.devices.length, comparison.slug).toBeGreaterThanOrEqual(2)
      expect(comparison.devices.length, comparison.slug).toBeLessThanOrEqual(4)
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

describeQuery('bestForGuideSummariesQuery', () => {
  it('lists every best-for guide, sorted by title, with its concern and who it is for', async () => {
    const guides = await through('bestForGuideSummariesQuery', (source) => loaders.loadBestForGuideSummaries(source))
    expect(guides.map((guide) => guide.slug).sort()).toEqual(sampleOfType('bestForGuide').map(slugOf).sort())
    expect(guides.length).toBeGreaterThanOrEqual(3)
    const titles = guides.map((guide) => guide.title)
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    for (const guide of guides) {
      expect(
        concerns.map((term) => term.value),
        guide.slug,
      ).toContain(guide.concern)
      expect(guide.whoItIsFor, guide.slug).not.toBe('')
      expect(guide.lastUpdatedAt, guide.slug).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })
})

describeQuery('bestForGuideBySlugQuery', () => {
  const stored = sampleOfType('bestForGuide')
  type StoredPick = { role: string; device: { _ref: string } }
  const roleOrder = bestForRoles.map((term) => term.value as string)

  it.each(stored.map((guide) => [slugOf(guide), guide] as const))(
    'best-for guide %s loads every pick in role order, with a device to buy, and its byline',
    async (slug, document) => {
      const guide = await through('bestForGuideBySlugQuery', (source) => loaders.loadBestForGuide(source, slug))
      expect(guide).not.toBeNull()
      const storedPicks = document.picks as StoredPick[]
      // Every stored pick is shown (none left out), top pick first, then budget, then upgrade.
      expect(guide!.picks.map((pick) => [pick.role, pick.device._id])).toEqual(
        [...storedPicks]
          .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role))
          .map((pick) => [pick.role, pick.device._ref]),
      )
      expect(guide!.picks[0]!.role).toBe('topPick')
      for (const pick of guide!.picks) {
        expect(pick.reason, `${slug} ${pick.role}`).not.toBe('')
        // The Studio warns about a pick no shop has in stock; the sample has none.
        expect(
          pick.device.offers.some((offer) => offer.availability !== 'outOfStock'),
          `${slug} ${pick.device.slug} in stock`,
        ).toBe(true)
      }
      expect(guide!.competition.map((entry) => entry.device._id)).toEqual(
        (document.competition as { device: { _ref: string } }[]).map((entry) => entry.device._ref),
      )
      expect(guide!.howWeChose.length).toBeGreaterThan(0)
      expect(guide!.writer.role).toBe('writer')
      expect(guide!.medicalReviewer.role).toBe('medicalReviewer')
    },
  )

  it('answers null for a slug that does not exist, or one that names an explainer guide', async () => {
    for (const slug of ['no-such-guide', slugOf(sampleOfType('guide')[0]!)]) {
      expect(
        await through('bestForGuideBySlugQuery', (source) => loaders.loadBestForGuide(source, slug)),
        slug,
      ).toBeNull()
    }
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
    const sitemap = await through('sitemapQuery', (source) =>
      loaders.loadSitemapEntries(source, { start: 0, end: 1000, withEditorial: true }),
    )
    const slugs = (entries: { slug: string }[]) => entries.map((entry) => entry.slug).sort()
    expect(slugs(sitemap.devices)).toEqual(sampleOfType('device').map(slugOf).sort())
    expect(slugs(sitemap.comparisons)).toEqual(sampleOfType('comparison').map(slugOf).sort())
    expect(slugs(sitemap.guides)).toEqual(sampleOfType('guide').map(slugOf).sort())
    expect(slugs(sitemap.bestForGuides)).toEqual(sampleOfType('bestForGuide').map(slugOf).sort())
    for (const entry of [...sitemap.devices, ...sitemap.comparisons, ...sitemap.guides, ...sitemap.bestForGuides]) {
      expect(Number.isNaN(Date.parse(entry._updatedAt)), entry.slug).toBe(false)
    }
  })
})

describe('sitemapQuery, in slices', () => {
  it('splits the devices across sitemaps without overlap, and lists comparisons and guides only when asked', async () => {
    const first = await loaders.loadSitemapEntries(recorder.source, { start: 0, end: 10, withEditorial: true })
    const second = await loaders.loadSitemapEntries(recorder.source, { start: 10, end: 20, withEditorial: false })
    expect(first.devices).toHaveLength(10)
    expect(second.comparisons).toEqual([])
    expect(second.guides).toEqual([])
    expect(second.bestForGuides).toEqual([])
    const slugs = [...first.devices, ...second.devices].map((entry) => entry.slug)
    expect(slugs.sort()).toEqual(sampleOfType('device').map(slugOf).sort())
  })
})

describeQuery('listedDeviceCountQuery', () => {
  it('counts the devices that have a page', async () => {
    expect(await through('listedDeviceCountQuery', (source) => loaders.loadListedDeviceCount(source))).toBe(
      sampleOfType('device').length,
    )
  })
})

describeQuery('knownPathsQuery', () => {
  it('lists every page slug, and every device with its offer keys', async () => {
    const known = await through('knownPathsQuery', (source) => loaders.loadKnownPaths(source))
    const slugs = (entries: { slug: string }[]) => entries.map((entry) => entry.slug).sort()
    expect(slugs(known.devices)).toEqual(sampleOfType('device').map(slugOf).sort())
    expect(slugs(known.comparisons)).toEqual(sampleOfType('comparison').map(slugOf).sort())
    expect(slugs(known.guides)).toEqual(sampleOfType('guide').map(slugOf).sort())
    expect(slugs(known.bestForGuides)).toEqual(sampleOfType('bestForGuide').map(slugOf).sort())
    for (const device of sampleOfType('device')) {
      const keys = ((device.offers ?? []) as { _key: string }[]).map((offer) => offer._key)
      expect(known.devices.find((entry) => entry.slug === slugOf(device))?.offerKeys ?? []).toEqual(keys)
    }
  })
})

it('covers every query exported from queries.ts (add a describeQuery block for a new one)', () => {
  expect([...covered].sort()).toEqual(Object.keys(queries).sort())
})
