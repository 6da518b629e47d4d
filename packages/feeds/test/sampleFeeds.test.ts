import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CatalogueOffer } from '../src/plan/catalogueOffer.ts'
import { type FeedImportPlan, planFeedImport } from '../src/plan/planImport.ts'
import { type FeedFormat, type FeedReadResult, readFeed } from '../src/readFeed.ts'

/**
 * The sample's partner feeds (packages/content/sample/feeds/), read from the address each sample
 * partner gives (a path in the repository) and planned against the sample's offers: what an
 * import of each shows, so a later step applying imports has known changes, a held price, an
 * unmatched item and a missing offer to show.
 */

const repositoryRoot = resolve(import.meta.dirname, '../../..')
const datasetPath = join(repositoryRoot, 'packages/content/sample/dataset.ndjson')
const now = new Date('2026-11-24T06:00:00Z')

type SampleOffer = {
  _key: string
  partner: { _ref: string }
  url: string
  price: number
  currency: string
  availability: CatalogueOffer['availability']
  priceCheckedAt: string
  feedItemId?: string
}
type SampleDocument =
  | { _type: 'partner'; _id: string; slug: { current: string }; allowedHosts: string[]; feed?: SampleFeed }
  | { _type: 'device'; _id: string; name: string; gtin?: string; offers?: SampleOffer[] }
  | { _type: string; _id: string }
type SampleFeed = { url: string; format: FeedFormat; refreshHours?: number }
type SamplePartner = Extract<SampleDocument, { _type: 'partner' }>
type SampleDevice = Extract<SampleDocument, { _type: 'device' }>

async function sampleDocuments(): Promise<SampleDocument[]> {
  const text = await readFile(datasetPath, 'utf8')
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SampleDocument)
}

function catalogueOffers(documents: SampleDocument[]): CatalogueOffer[] {
  return documents
    .filter((document): document is SampleDevice => document._type === 'device')
    .flatMap((device) =>
      (device.offers ?? []).map((offer) => ({
        deviceId: device._id,
        deviceName: device.name,
        offerKey: offer._key,
        partnerId: offer.partner._ref,
        ...(offer.feedItemId === undefined ? {} : { feedItemId: offer.feedItemId }),
        ...(device.gtin === undefined ? {} : { deviceGtin: device.gtin }),
        url: offer.url,
        price: offer.price,
        currency: offer.currency,
        availability: offer.availability,
        priceCheckedAt: offer.priceCheckedAt,
      })),
    )
}

async function readSampleFeed(feed: SampleFeed): Promise<FeedReadResult[]> {
  const results: FeedReadResult[] = []
  for await (const result of readFeed(createReadStream(join(repositoryRoot, feed.url)), feed.format)) {
    results.push(result)
  }
  return results
}

/** Each changed offer (by key) with the fields that change besides the check day. */
function changedFields(plan: FeedImportPlan): Record<string, string[]> {
  const changed: Record<string, string[]> = {}
  for (const change of plan.changes) {
    const fields = change.fields
      .map((field) => field.field)
      .filter((field) => field !== 'priceCheckedAt' && field !== 'feedCheckedAt')
    if (fields.length > 0) changed[change.offerKey] = fields
  }
  return changed
}

type Expected = {
  slug: string
  path: string
  format: FeedFormat
  items: number
  changed: Record<string, string[]>
  held: string[]
  unmatched: string[]
  missing: string[]
  summary: FeedImportPlan['summary']
}

const expectations: Expected[] = [
  {
    slug: 'glow-supply',
    path: 'packages/content/sample/feeds/glow-supply.tsv',
    format: 'google-tsv',
    items: 10,
    changed: {
      'fernhill-glide-glow-supply': ['price'],
      'luma-body-roller-glow-supply': ['salePrice', 'salePriceEffective'],
      'luma-ti-roller-glow-supply': ['price'],
      'softpoint-microcone-glow-supply': ['availability'],
    },
    held: ['softpoint-hydra-glow-supply'],
    unmatched: ['GS-GIFT-25'],
    missing: [],
    summary: { read: 10, matched: 9, changed: 4, unchanged: 4, held: 1, refused: 0, unmatched: 1, missing: 0 },
  },
  {
    slug: 'skin-tools-direct',
    path: 'packages/content/sample/feeds/skin-tools-direct.xml',
    format: 'google-xml',
    items: 7,
    changed: {
      'fernhill-eye-roller-skin-tools-direct': ['price'],
      'fernhill-scalp-roller-skin-tools-direct': ['feedItemId'],
      'fernhill-050-roller-skin-tools-direct': ['availability'],
      'luma-stamp-skin-tools-direct': ['availability'],
    },
    held: [],
    unmatched: ['STD-9001'],
    missing: [],
    summary: { read: 7, matched: 6, changed: 4, unchanged: 2, held: 0, refused: 0, unmatched: 1, missing: 0 },
  },
  {
    slug: 'clinicsource',
    path: 'packages/content/sample/feeds/clinicsource.xml',
    format: 'google-xml',
    items: 8,
    changed: {
      'kestrel-p7-clinicsource': ['price'],
      'orrin-c3-clinicsource': ['salePrice', 'salePriceEffective'],
    },
    held: [],
    unmatched: ['CS-9001'],
    missing: ['orrin-body-200-clinicsource'],
    summary: { read: 8, matched: 7, changed: 2, unchanged: 5, held: 0, refused: 0, unmatched: 1, missing: 1 },
  },
  {
    slug: 'dermamart',
    path: 'packages/content/sample/feeds/dermamart.csv.gz',
    format: 'awin-csv',
    items: 15,
    changed: {
      'fernhill-scalp-roller-dermamart': ['price'],
      'kestrel-p7-dermamart': ['availability'],
      'kestrel-titan-150-dermamart': ['availability'],
      'luma-steel-roller-dermamart': ['availability'],
      'orrin-stamp-150-dermamart': ['price'],
    },
    held: [],
    unmatched: ['DM-20001'],
    missing: [],
    summary: { read: 15, matched: 14, changed: 5, unchanged: 9, held: 0, refused: 0, unmatched: 1, missing: 0 },
  },
]

describe('the sample partners’ feeds', async () => {
  const documents = await sampleDocuments()
  const partners = documents.filter((document): document is SamplePartner => document._type === 'partner')
  const offers = catalogueOffers(documents)

  it('gives every sample partner a feed, each one tested here', () => {
    expect(partners.map((partner) => partner.slug.current).sort()).toEqual(
      expectations.map((expected) => expected.slug).sort(),
    )
  })

  describe.each(expectations)('$slug ($format)', (expected) => {
    const partner = partners.find((candidate) => candidate.slug.current === expected.slug)

    it('is named by its partner, as a path in the repository', () => {
      expect(partner?.feed).toMatchObject({ url: expected.path, format: expected.format })
    })

    it('reads every item, with no refusal or warning', async () => {
      const results = await readSampleFeed({ url: expected.path, format: expected.format })
      expect(results.filter((result) => result.kind === 'refused')).toEqual([])
      expect(results.flatMap((result) => (result.kind === 'item' ? result.warnings : []))).toEqual([])
      expect(results).toHaveLength(expected.items)
    })

    it('plans the changes, held price, unmatched item and missing offer intended', async () => {
      if (!partner) throw new Error(`No sample partner ${expected.slug}`)
      const plan = planFeedImport({
        partner: { id: partner._id, allowedHosts: partner.allowedHosts },
        offers,
        items: await readSampleFeed({ url: expected.path, format: expected.format }),
        previousMisses: new Map(),
        now,
      })
      expect(plan.empty).toBe(false)
      expect(plan.refused).toEqual([])
      expect(plan.warnings).toEqual([])
      expect(changedFields(plan)).toEqual(expected.changed)
      expect(plan.held.map((hold) => hold.offerKey)).toEqual(expected.held)
      expect(plan.unmatched.map((item) => item.itemId)).toEqual(expected.unmatched)
      expect(plan.missing.map((offer) => offer.offerKey)).toEqual(expected.missing)
      expect(plan.summary).toEqual(expected.summary)
    })
  })

  it('holds the Glow Supply price that falls by more than half, and maps an id by GTIN', async () => {
    const plan = (slug: string, path: string, format: FeedFormat) => {
      const partner = partners.find((candidate) => candidate.slug.current === slug)!
      return readSampleFeed({ url: path, format }).then((items) =>
        planFeedImport({
          partner: { id: partner._id, allowedHosts: partner.allowedHosts },
          offers,
          items,
          previousMisses: new Map(),
          now,
        }),
      )
    }
    const glowSupply = await plan('glow-supply', 'packages/content/sample/feeds/glow-supply.tsv', 'google-tsv')
    expect(glowSupply.held[0]).toMatchObject({
      itemId: 'GS-SP-HYDRA',
      current: 32,
      proposed: { price: { amount: 12, currency: 'GBP' } },
    })
    expect(glowSupply.held[0]?.reason).toContain('down 62.5%')

    const skinToolsDirect = await plan(
      'skin-tools-direct',
      'packages/content/sample/feeds/skin-tools-direct.xml',
      'google-xml',
    )
    const byGtin = skinToolsDirect.changes.find((change) => change.matchedBy === 'gtin')
    expect(byGtin).toMatchObject({
      offerKey: 'fernhill-scalp-roller-skin-tools-direct',
      itemId: 'STD-1003',
      patch: { set: { 'offers[_key=="fernhill-scalp-roller-skin-tools-direct"].feedItemId': 'STD-1003' } },
    })
  })
})
