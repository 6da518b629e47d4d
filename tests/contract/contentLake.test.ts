import { defaultApiVersion } from '@microneedling/content/apiVersion'
import { createContentSource, parseContentEnvironment } from '@microneedling/content/config'
import { deviceFacetParams, deviceListPageParams } from '@microneedling/content/deviceList'
import {
  loadAuthors,
  loadBestForGuide,
  loadBestForGuideSummaries,
  loadComparison,
  loadComparisonSummaries,
  loadDevice,
  loadDeviceFacets,
  loadDeviceListPage,
  loadDevicesBySlugs,
  loadGuide,
  loadGuideSummaries,
  loadKnownPaths,
  loadListedDeviceCount,
  loadOfferRedirect,
  loadPrerenderedDeviceSlugs,
  loadSimilarDevices,
  loadSitemapEntries,
  loadSiteSettings,
  loadTopRatedDevices,
  searchDevices,
} from '@microneedling/content/loaders'
import * as queries from '@microneedling/content/queries'
import { onRejection, type Rejection } from '@microneedling/content/rejections'
import { createContentLakeSource } from '@microneedling/content/source/contentLake'
import { createEmbeddedSource } from '@microneedling/content/source/embedded'
import type { ContentSource, QueryParams } from '@microneedling/content/source/types'
import type { LocalLake } from '@microneedling/local-lake'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentLakeEnvironment, startTestLake } from '../support/localLake.ts'
import { sampleDatasetPath } from '../support/paths.ts'
import { offersOf, sampleDocuments, sampleOfType, slugOf } from '../support/sampleDataset.ts'

/**
 * The production content source (the real @sanity/client over HTTP) must give the same answers as
 * the embedded source the site is developed and tested on, for every query. Both run the same
 * GROQ text, so a difference means the client, the parameters or the perspective differ.
 */

type QueryName = keyof typeof queries

interface QueryCase {
  label: string
  params: QueryParams
  load(source: ContentSource): Promise<unknown>
  /** A case that should find nothing (unknown slug); otherwise the answer must have content. */
  expectsNothing?: boolean
}

const devices = sampleOfType('device')
const homeDevice = devices.find((device) => device.intendedUse === 'home')!
const professionalDevice = devices.find((device) => device.intendedUse === 'professional')!
const comparison = sampleOfType('comparison')[0]!
const guide = sampleOfType('guide')[0]!
const bestForGuide = sampleOfType('bestForGuide')[0]!
const partnerTracking = new Map(
  sampleOfType('partner').map((partner) => [partner._id, Boolean(partner.trackingParameter)] as const),
)
const offerWith = (tracked: boolean) =>
  devices
    .flatMap((device) => offersOf(device).map((offer) => ({ device: slugOf(device), offer })))
    .find(({ offer }) => partnerTracking.get(offer.partner._ref) === tracked)!

function caseFor(label: string, params: QueryParams, load: QueryCase['load'], expectsNothing = false): QueryCase {
  return { label, params, load, expectsNothing }
}

/** Representative parameters for every query; the compiler and the last test insist on all of them. */
const cases: Record<QueryName, QueryCase[]> = {
  siteSettingsQuery: [caseFor('site settings', {}, (source) => loadSiteSettings(source))],
  deviceListPageQuery: [
    caseFor('first page, every device', deviceListPageParams({ sort: 'rating' }, 1), (source) =>
      loadDeviceListPage(source, { sort: 'rating' }, 1),
    ),
    caseFor(
      'home devices by price, page 2 of 3 a page',
      deviceListPageParams({ sort: 'price-asc', use: 'home' }, 2, 3),
      (source) => loadDeviceListPage(source, { sort: 'price-asc', use: 'home' }, 2, { pageSize: 3 }),
    ),
    caseFor(
      'needles to 0.5 mm under 60, by needle length',
      deviceListPageParams({ sort: 'needle-desc', maxNeedle: 0.5, maxPrice: 60 }, 1),
      (source) => loadDeviceListPage(source, { sort: 'needle-desc', maxNeedle: 0.5, maxPrice: 60 }, 1),
    ),
  ],
  deviceFacetsQuery: [
    caseFor('counts with nothing chosen', deviceFacetParams({}), (source) => loadDeviceFacets(source, {})),
    caseFor('counts for home rollers', deviceFacetParams({ use: 'home', form: 'dermaRoller' }), (source) =>
      loadDeviceFacets(source, { use: 'home', form: 'dermaRoller' }),
    ),
  ],
  topRatedDevicesQuery: [caseFor('top three', { count: 3 }, (source) => loadTopRatedDevices(source, 3))],
  prerenderedDeviceSlugsQuery: [
    caseFor('prerendered device pages', { count: 4 }, (source) => loadPrerenderedDeviceSlugs(source, 4)),
  ],
  deviceSearchQuery: [
    caseFor('search by brand and name', { terms: ['luma*', 'roll*'], exclude: [], limit: 8 }, (source) =>
      searchDevices(source, 'Luma roll', { limit: 8 }),
    ),
    caseFor(
      'search with nothing found',
      { terms: ['zzzxqv*'], exclude: [], limit: 8 },
      (source) => searchDevices(source, 'zzzxqv', { limit: 8 }),
      true,
    ),
  ],
  similarDevicesQuery: [
    caseFor(
      'similar to a home roller',
      { formFactors: ['dermaRoller'], intendedUses: ['home'], exclude: [slugOf(homeDevice)], limit: 4 },
      (source) =>
        loadSimilarDevices(source, [{ formFactor: 'dermaRoller', intendedUse: 'home' }], {
          exclude: [slugOf(homeDevice)],
          limit: 4,
        }),
    ),
  ],
  listedDeviceCountQuery: [caseFor('device count', {}, (source) => loadListedDeviceCount(source))],
  deviceBySlugQuery: [
    caseFor(`home device ${slugOf(homeDevice)}`, { slug: slugOf(homeDevice) }, (source) =>
      loadDevice(source, slugOf(homeDevice)),
    ),
    caseFor(`professional device ${slugOf(professionalDevice)}`, { slug: slugOf(professionalDevice) }, (source) =>
      loadDevice(source, slugOf(professionalDevice)),
    ),
    caseFor('unknown device', { slug: 'no-such-device' }, (source) => loadDevice(source, 'no-such-device'), true),
  ],
  devicesBySlugsQuery: (() => {
    const slugs = [slugOf(professionalDevice), 'no-such-device', slugOf(homeDevice)]
    return [caseFor('devices picked to compare', { slugs }, (source) => loadDevicesBySlugs(source, slugs))]
  })(),
  comparisonSummariesQuery: [caseFor('all comparisons', {}, (source) => loadComparisonSummaries(source))],
  comparisonBySlugQuery: [
    caseFor(`comparison ${slugOf(comparison)}`, { slug: slugOf(comparison) }, (source) =>
      loadComparison(source, slugOf(comparison)),
    ),
    caseFor(
      'unknown comparison',
      { slug: 'no-such-comparison' },
      (source) => loadComparison(source, 'no-such-comparison'),
      true,
    ),
  ],
  guideSummariesQuery: [caseFor('all guides', {}, (source) => loadGuideSummaries(source))],
  guideBySlugQuery: [
    caseFor(`guide ${slugOf(guide)}`, { slug: slugOf(guide) }, (source) => loadGuide(source, slugOf(guide))),
  ],
  bestForGuideSummariesQuery: [caseFor('all best-for guides', {}, (source) => loadBestForGuideSummaries(source))],
  bestForGuideBySlugQuery: [
    caseFor(`best-for guide ${slugOf(bestForGuide)}`, { slug: slugOf(bestForGuide) }, (source) =>
      loadBestForGuide(source, slugOf(bestForGuide)),
    ),
    caseFor(
      'unknown best-for guide',
      { slug: 'no-such-guide' },
      (source) => loadBestForGuide(source, 'no-such-guide'),
      true,
    ),
  ],
  authorsQuery: [caseFor('all authors', {}, (source) => loadAuthors(source))],
  offerRedirectQuery: [true, false]
    .map((tracked) => {
      const { device, offer } = offerWith(tracked)
      return caseFor(
        `offer ${device}/${offer._key} (${tracked ? 'with' : 'without'} tracking parameter)`,
        { device, offer: offer._key },
        (source) => loadOfferRedirect(source, device, offer._key),
      )
    })
    .concat(
      caseFor(
        'unknown offer',
        { device: slugOf(homeDevice), offer: 'no-such-offer' },
        (source) => loadOfferRedirect(source, slugOf(homeDevice), 'no-such-offer'),
        true,
      ),
    ),
  sitemapQuery: [
    caseFor('first sitemap', { start: 0, end: 45000, withEditorial: true }, (source) =>
      loadSitemapEntries(source, { start: 0, end: 45000, withEditorial: true }),
    ),
    caseFor('a later sitemap', { start: 5, end: 10, withEditorial: false }, (source) =>
      loadSitemapEntries(source, { start: 5, end: 10, withEditorial: false }),
    ),
  ],
  knownPathsQuery: [caseFor('known paths', {}, (source) => loadKnownPaths(source))],
}

let lake: LocalLake
let contentLake: ContentSource
const embedded = createEmbeddedSource(sampleDatasetPath)
const rejections: Rejection[] = []
let restoreRejections: () => void

beforeAll(async () => {
  lake = await startTestLake()
  contentLake = createContentLakeSource({
    projectId: lake.projectId,
    dataset: lake.dataset,
    apiVersion: defaultApiVersion,
    useCdn: false,
    apiHost: lake.url,
  })
  restoreRejections = onRejection((rejection) => rejections.push(rejection))
})
afterAll(async () => {
  restoreRejections()
  await lake?.close()
})

it('the sample has the documents these cases rely on', () => {
  expect(sampleDocuments.length).toBeGreaterThan(0)
  expect([homeDevice, professionalDevice, comparison, guide].every(Boolean)).toBe(true)
})

describe.each(Object.entries(cases) as [QueryName, QueryCase[]][])('%s', (queryName, queryCases) => {
  it.each(queryCases.map((queryCase) => [queryCase.label, queryCase] as const))(
    '%s: same answer from the Content Lake',
    async (_label, queryCase) => {
      const requestsBefore = lake.requests.length
      const [rawFromLake, rawEmbedded] = await Promise.all([
        contentLake.fetch(queries[queryName], queryCase.params),
        embedded.fetch(queries[queryName], queryCase.params),
      ])
      expect(rawFromLake).toEqual(rawEmbedded)

      const [fromLake, fromEmbedded] = await Promise.all([queryCase.load(contentLake), queryCase.load(embedded)])
      expect(fromLake).toEqual(fromEmbedded)
      if (queryCase.expectsNothing) expect(hasContent(fromEmbedded)).toBe(false)
      else expect(hasContent(fromEmbedded)).toBe(true)

      // The answers really came over HTTP, as published content for the lake's project.
      const requests = lake.requests.slice(requestsBefore)
      expect(requests).toHaveLength(2)
      for (const request of requests) {
        expect(request).toMatchObject({
          outcome: 'answered',
          perspective: 'published',
          projectIdHeader: lake.projectId,
          authenticated: false,
        })
        expect(request.query).toBe(queries[queryName])
      }
      expect(rejections).toEqual([])
    },
  )
})

it('the environment a deployment sets reaches the Content Lake, not the embedded sample', async () => {
  const source = createContentSource(parseContentEnvironment(contentLakeEnvironment(lake)))
  expect(source.kind).toBe('content-lake')
  const requestsBefore = lake.requests.length
  expect(await loadDeviceListPage(source, { sort: 'rating' }, 1)).toEqual(
    await loadDeviceListPage(embedded, { sort: 'rating' }, 1),
  )
  expect(lake.requests.length - requestsBefore).toBe(1)
})

it('has a case for every query exported from queries.ts', () => {
  expect(Object.keys(cases).sort()).toEqual(Object.keys(queries).sort())
})

function hasContent(value: unknown): boolean {
  if (value === null || value === undefined) return false
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object') return Object.values(value).some(hasContent)
  return true
}
