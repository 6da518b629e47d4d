import { defaultApiVersion } from '@microneedling/content/apiVersion'
import { defaultPriceStaleDays, editorialChecks } from '@microneedling/content/editorialChecks'
import { createWorkspaceFromConfig, type SanityClient, type SanityDocument } from 'sanity'
import {
  createStructureBuilder,
  type DocumentBuilder,
  type DocumentList,
  type List,
  type ListItem,
  type StructureBuilder,
  type StructureResolverContext,
} from 'sanity/structure'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { placeholderProjectId } from '../environment.ts'
import { schemaTypes } from '../schemaTypes/index.ts'
import { createLocalGroqClient } from '../scripts/local-groq-client.ts'

/**
 * The "Weekly checks" lists of the desk structure, built as the Studio builds them and each list's
 * own filter and parameters run with groq-js (the local client) over a few devices made for it.
 */

const now = new Date('2025-06-15T10:00:00Z')
const dayMs = 86_400_000
const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs).toISOString().slice(0, 10)

function offer(key: string, fields: { priceCheckedAt?: string; availability?: string } = {}) {
  return {
    _type: 'offer',
    _key: key,
    partner: { _type: 'reference', _ref: 'partner-skinshop' },
    url: `https://skinshop.example.com/${key}`,
    price: 20,
    currency: 'GBP',
    availability: 'inStock',
    priceCheckedAt: daysAgo(5),
    ...fields,
  }
}

/**
 * A device with nothing to do (one in-stock offer checked 5 days ago, reviewed 10 days ago), but
 * for `fields`; a field given as undefined is left out.
 */
function device(_id: string, fields: Record<string, unknown> = {}): SanityDocument {
  const document: Record<string, unknown> = {
    _id,
    _type: 'device',
    _createdAt: '2025-01-10T09:00:00Z',
    _updatedAt: '2025-01-10T09:00:00Z',
    _rev: 'sample',
    name: _id,
    offers: [offer('shop')],
    lastReviewedAt: daysAgo(10),
    ...fields,
  }
  for (const [key, value] of Object.entries(document)) if (value === undefined) delete document[key]
  return document as SanityDocument
}

const documents: SanityDocument[] = [
  device('device-up-to-date'),
  device('device-price-checked-40-days-ago', { offers: [offer('shop', { priceCheckedAt: daysAgo(40) })] }),
  device('device-one-old-price', {
    offers: [offer('fresh'), offer('old', { priceCheckedAt: daysAgo(40), availability: 'outOfStock' })],
  }),
  device('device-reviewed-400-days-ago', { lastReviewedAt: daysAgo(400) }),
  device('device-never-reviewed', { lastReviewedAt: undefined }),
  device('device-all-out-of-stock', {
    offers: [offer('first', { availability: 'outOfStock' }), offer('second', { availability: 'outOfStock' })],
  }),
  device('device-limited-stock', { offers: [offer('shop', { availability: 'limitedStock' })] }),
  device('device-without-offers', { offers: undefined }),
  // Not a device: a guide's old review is not for these lists.
  { ...device('guide-reviewed-400-days-ago', { lastReviewedAt: daysAgo(400) }), _type: 'guide' },
]

const currentUser = {
  id: 'weekly-checks-test',
  name: 'Weekly checks test',
  email: 'weekly-checks@localhost',
  role: 'administrator',
  roles: [{ name: 'administrator', title: 'Administrator' }],
}

async function structureBuilder(client: SanityClient): Promise<StructureBuilder> {
  const workspace = await createWorkspaceFromConfig({
    name: 'weekly-checks',
    projectId: placeholderProjectId,
    dataset: 'local',
    schema: { types: schemaTypes },
    currentUser,
    getClient: () => client,
  })
  return createStructureBuilder({ source: workspace.unstable_sources[0]!, perspectiveStack: [] })
}

/** The resolver takes a context the Studio fills in; the structure reads nothing from it. */
const unusedContext = {} as StructureResolverContext

async function buildStructure(S: StructureBuilder): Promise<List> {
  // Imported here, after the environment is set, as the Studio reads it on load.
  const { structure } = await import('../structure.ts')
  const root = await structure(S, unusedContext)
  return (root as { serialize: () => List }).serialize()
}

function itemsOf(list: List): ListItem[] {
  return list.items.filter((item): item is ListItem => item.type === 'listItem')
}

function weeklyChecksOf(root: List): { list: List; lists: Map<string, DocumentList> } {
  const item = itemsOf(root).find((candidate) => candidate.id === 'weekly-checks')
  expect(item, 'a "Weekly checks" item at the top of the desk').toBeDefined()
  const list = item!.child as List
  const lists = new Map(itemsOf(list).map((listItem) => [listItem.title!, listItem.child as DocumentList]))
  return { list, lists }
}

describe('the weekly checks in the desk structure', () => {
  const client = createLocalGroqClient(documents, {
    projectId: placeholderProjectId,
    dataset: 'local',
    apiVersion: defaultApiVersion,
    perspective: 'raw',
  })
  let lists: Map<string, DocumentList>
  let weeklyList: List

  beforeAll(async () => {
    vi.useFakeTimers({ now, toFake: ['Date'] })
    // Unset in the Studio's environment: the shared default applies.
    vi.stubEnv('SANITY_STUDIO_PRICE_STALE_DAYS', '')
    vi.resetModules()
    const built = weeklyChecksOf(await buildStructure(await structureBuilder(client)))
    lists = built.lists
    weeklyList = built.list
  })

  afterAll(() => {
    vi.useRealTimers()
    vi.unstubAllEnvs()
  })

  async function idsListedBy(title: string): Promise<string[]> {
    const list = lists.get(title)
    expect(list, `a list titled "${title}"`).toBeDefined()
    const ids = await client.fetch<string[]>(`*[${list!.options.filter}]._id`, list!.options.params ?? {})
    return [...ids].sort()
  }

  it('holds the three lists, titled as editors know them, each of devices', () => {
    expect(weeklyList.title).toBe('Weekly checks')
    expect([...lists.keys()]).toEqual(['Prices to check', 'Due for medical review', 'No offer in stock'])
    for (const list of lists.values()) {
      expect(list.type).toBe('documentList')
      expect(list.schemaTypeName).toBe('device')
    }
  })

  it('uses the filters written once in @microneedling/content', () => {
    expect(lists.get('Prices to check')?.options.filter).toBe(editorialChecks.pricesToCheck.filter)
    expect(lists.get('Due for medical review')?.options.filter).toBe(editorialChecks.dueForMedicalReview.filter)
    expect(lists.get('No offer in stock')?.options.filter).toBe(editorialChecks.noOfferInStock.filter)
  })

  it('dates the filters from the moment the structure is built', () => {
    // 30 days before 10:00 on 15 June is 10:00 on 16 May: a price checked on 16 May is older than that.
    expect(defaultPriceStaleDays).toBe(30)
    expect(lists.get('Prices to check')?.options.params).toEqual({ staleBefore: '2025-05-17' })
    // A year before is 10:00 on 15 June 2024: a review on that day is more than a year old.
    expect(lists.get('Due for medical review')?.options.params).toEqual({ reviewedBefore: '2024-06-16' })
  })

  it('"Prices to check" lists devices with an offer checked more than 30 days ago', async () => {
    expect(await idsListedBy('Prices to check')).toEqual(['device-one-old-price', 'device-price-checked-40-days-ago'])
  })

  it('"Due for medical review" lists devices reviewed more than a year ago, or never', async () => {
    expect(await idsListedBy('Due for medical review')).toEqual([
      'device-never-reviewed',
      'device-reviewed-400-days-ago',
    ])
  })

  it('"No offer in stock" lists devices none of whose offers a shopper can buy', async () => {
    expect(await idsListedBy('No offer in stock')).toEqual(['device-all-out-of-stock', 'device-without-offers'])
  })

  it('opens a device when one is clicked', async () => {
    for (const list of lists.values()) {
      const child = list.child as (id: string, context: unknown) => Promise<DocumentBuilder> | DocumentBuilder
      const opened = await child('device-price-checked-40-days-ago', {
        parent: list,
        index: 0,
        splitIndex: 0,
        path: [],
        params: {},
        serializeOptions: {},
      })
      expect(opened.getDocumentId()).toBe('device-price-checked-40-days-ago')
      expect(opened.getSchemaType()).toBe('device')
    }
  })
})

describe('SANITY_STUDIO_PRICE_STALE_DAYS', () => {
  const client = createLocalGroqClient(documents, {
    projectId: placeholderProjectId,
    dataset: 'local',
    apiVersion: defaultApiVersion,
    perspective: 'raw',
  })

  beforeAll(() => vi.useFakeTimers({ now, toFake: ['Date'] }))
  afterAll(() => {
    vi.useRealTimers()
    vi.unstubAllEnvs()
  })

  it('sets how old a price check may be before "Prices to check" lists it', async () => {
    vi.stubEnv('SANITY_STUDIO_PRICE_STALE_DAYS', '3')
    vi.resetModules()
    const list = weeklyChecksOf(await buildStructure(await structureBuilder(client))).lists.get('Prices to check')!
    expect(list.options.params).toEqual({ staleBefore: daysAgo(2) })
    const ids = await client.fetch<string[]>(`*[${list.options.filter}]._id`, list.options.params ?? {})
    // Every device with an offer checked 5 days ago now has a price to check.
    expect(ids).not.toContain('device-without-offers')
    expect(ids).toContain('device-up-to-date')
  })

  it('stops the Studio, naming the variable, when it is not a whole number of days', async () => {
    vi.stubEnv('SANITY_STUDIO_PRICE_STALE_DAYS', 'a month')
    vi.resetModules()
    await expect(import('../environment.ts')).rejects.toThrow(
      'SANITY_STUDIO_PRICE_STALE_DAYS must be a whole number of days, at least 1.',
    )
  })
})
