import { readFileSync } from 'node:fs'
import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import { createIndexedDataset, type DatasetPerspective } from '../src/check/indexedDataset.ts'
import { sampleDatasetPath } from '../src/config.ts'
import { deviceListPageParams } from '../src/deviceList.ts'
import * as queries from '../src/queries.ts'
import { parseNdjson, type StoredDocument } from '../src/source/ndjson.ts'
import { applyPerspective } from '../src/source/perspective.ts'

/**
 * The indexed dataset must answer exactly what groq-js answers by scanning every document: it
 * only chooses which documents a filter looks at. Each case runs both ways on the sample with
 * drafts, duplicate slugs and dangling references added, so a wrong index shows as a difference.
 */

const sample = parseNdjson(readFileSync(sampleDatasetPath, 'utf8')).documents
const devices = sample.filter((document) => document._type === 'device')
const slugOf = (document: StoredDocument) => (document.slug as { current: string }).current
const [firstDevice, secondDevice] = devices as [StoredDocument, StoredDocument]

const documents: StoredDocument[] = [
  ...sample,
  // A draft that renames the first device and takes the second device's slug.
  { ...firstDevice, _id: `drafts.${firstDevice._id}`, name: 'Draft name', slug: { current: slugOf(secondDevice) } },
  // A device whose brand is missing, and one whose slug is not a string.
  { ...secondDevice, _id: 'device-dangling', slug: { current: 'dangling' }, brand: { _ref: 'brand-gone' } },
  { ...secondDevice, _id: 'device-numeric-slug', slug: { current: 7 } },
  // A release version, which neither perspective shows.
  { ...secondDevice, _id: `versions.r1.${secondDevice._id}`, name: 'Release name' },
]

async function scanned(query: string, params: Record<string, unknown>, perspective: DatasetPerspective) {
  const dataset = perspective === 'raw' ? documents : applyPerspective(documents, perspective)
  return (await evaluate(parse(query, { params }), { dataset, params })).get()
}

const indexed = createIndexedDataset(documents)

const cases: Array<{ name: string; query: string; params: Record<string, unknown> }> = [
  { name: 'a device page', query: queries.deviceBySlugQuery, params: { slug: slugOf(firstDevice) } },
  { name: 'a device page whose brand is missing', query: queries.deviceBySlugQuery, params: { slug: 'dangling' } },
  { name: 'a device page for a slug no device has', query: queries.deviceBySlugQuery, params: { slug: 'none' } },
  { name: 'a slug given as a number', query: queries.deviceBySlugQuery, params: { slug: 7 } },
  { name: 'a slug parameter left out', query: queries.deviceBySlugQuery, params: {} },
  {
    name: 'the device list, sorted',
    query: queries.deviceListPageQuery,
    params: deviceListPageParams({ sort: 'name' }, 1, 1000),
  },
  { name: 'the site settings', query: queries.siteSettingsQuery, params: {} },
  {
    name: 'a comparison page',
    query: queries.comparisonBySlugQuery,
    params: { slug: slugOf(sample.find((document) => document._type === 'comparison')!) },
  },
  {
    name: 'an offer redirect',
    query: queries.offerRedirectQuery,
    params: { device: slugOf(firstDevice), offer: (firstDevice.offers as Array<{ _key: string }>)[0]!._key },
  },
  {
    name: "the Studio's slug-uniqueness rule",
    query: `!defined(*[_type == $docType && !sanity::versionOf($published) && slug.current == $slug][0]._id)`,
    params: { docType: 'device', published: 'device-dangling', slug: slugOf(secondDevice) },
  },
  {
    name: 'the offer-host rule',
    query: `*[_type == "partner" && _id == $partnerId][0]{name, allowedHosts}`,
    params: { partnerId: 'partner-dermamart' },
  },
  {
    name: 'an equality written the other way round, inside a nested query',
    query: `*[$slug == slug.current]{ name, "same": *[_type == ^._type && slug.current == ^.slug.current]._id }`,
    params: { slug: slugOf(secondDevice) },
  },
  {
    name: 'a filter on a field that differs from the value',
    query: `*[_type == "device" && slug.current != $slug]._id`,
    params: { slug: slugOf(firstDevice) },
  },
  {
    name: 'a filter where the equality is only one side of an "or"',
    query: `*[slug.current == $slug || _type == "brand"]._id`,
    params: { slug: slugOf(firstDevice) },
  },
]

describe('createIndexedDataset', () => {
  for (const perspective of ['published', 'drafts', 'raw'] as const) {
    describe(`in the ${perspective} perspective`, () => {
      for (const { name, query, params } of cases) {
        it(`answers ${name} as a full scan does`, async () => {
          const expected = await scanned(query, params, perspective)
          expect(await indexed.query(query, params, perspective)).toEqual(expected)
        })
      }
    })
  }

  it('finds the draft in the drafts perspective and the published document otherwise', async () => {
    const nameOf = (perspective: DatasetPerspective) =>
      indexed.query(`*[_id == $id][0].name`, { id: firstDevice._id }, perspective)
    expect(await nameOf('drafts')).toBe('Draft name')
    expect(await nameOf('published')).toBe(firstDevice.name)
  })

  it('answers the site loaders as the embedded source does, published unless asked', async () => {
    const source = indexed.asContentSource()
    expect(source.kind).toBe('embedded')
    const params = { slug: slugOf(secondDevice) }
    expect(await source.fetch(queries.deviceBySlugQuery, params)).toEqual(
      await scanned(queries.deviceBySlugQuery, params, 'published'),
    )
    expect(await source.fetch(queries.deviceBySlugQuery, params, { perspective: 'drafts' })).toEqual(
      await scanned(queries.deviceBySlugQuery, params, 'drafts'),
    )
  })
})
