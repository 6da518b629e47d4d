import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { evaluate, parse } from 'groq-js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sampleDatasetPath } from '../src/config.ts'
import { deviceFacetParams, deviceListPageParams } from '../src/deviceList.ts'
import * as queries from '../src/queries.ts'
import { createEmbeddedSource } from '../src/source/embedded.ts'
import { parseNdjson } from '../src/source/ndjson.ts'
import { intendedUses, valuesOf } from '../src/vocabulary.ts'

const sampleText = readFileSync(sampleDatasetPath, 'utf8')
const sampleDocuments = parseNdjson(sampleText).documents

let folder: string
let datasetPath: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'embedded-source-'))
  datasetPath = join(folder, 'dataset.ndjson')
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

const countDevices = `count(*[_type == "device"])`

describe('the embedded source', () => {
  it('reads the file once, answers repeated queries from memory, and re-reads it when it changes', async () => {
    await writeFile(datasetPath, sampleText)
    const source = createEmbeddedSource(datasetPath)
    const before = await source.fetch(countDevices)
    expect(await source.fetch(countDevices)).toBe(before)
    expect(source.stats()).toMatchObject({ datasetReads: 1, evaluations: 1 })

    const extra = { ...sampleDocuments.find((document) => document._type === 'device')!, _id: 'device-extra' }
    await writeFile(datasetPath, `${sampleText.trimEnd()}\n${JSON.stringify(extra)}\n`)
    expect(await source.fetch(countDevices)).toBe(Number(before) + 1)
    expect(source.stats()).toMatchObject({ datasetReads: 2, evaluations: 2 })
  })

  it('stays within its bound however many different parameter values arrive', async () => {
    await writeFile(datasetPath, sampleText)
    const source = createEmbeddedSource(datasetPath, { maxCachedResults: 50 })
    for (let index = 0; index < 1000; index += 1) {
      const params = deviceListPageParams({ sort: 'rating', maxPrice: Math.random() * 1000 }, 1)
      await source.fetch(queries.deviceListPageQuery, params)
    }
    expect(source.stats().cachedResults).toBe(50)
    expect(source.stats().evaluations).toBe(1000)
    expect(source.stats().datasetReads).toBe(1)
    // A thousand evaluations, each parsing the whole list query: seconds on a busy machine.
  }, 20_000)

  it('asks once when many identical queries arrive together', async () => {
    await writeFile(datasetPath, sampleText)
    const source = createEmbeddedSource(datasetPath)
    const answers = await Promise.all(Array.from({ length: 20 }, () => source.fetch(countDevices)))
    expect(new Set(answers).size).toBe(1)
    expect(source.stats()).toMatchObject({ datasetReads: 1, evaluations: 1 })
  })

  it('tries the file again on the next query after a failed read', async () => {
    const source = createEmbeddedSource(datasetPath)
    await expect(source.fetch(countDevices)).rejects.toThrow(/ENOENT/)
    await writeFile(datasetPath, sampleText)
    expect(await source.fetch(countDevices)).toBeGreaterThan(0)
  })

  it('does not remember a query that failed', async () => {
    await writeFile(datasetPath, sampleText)
    const source = createEmbeddedSource(datasetPath)
    await expect(source.fetch('*[')).rejects.toThrow()
    expect(source.stats().cachedResults).toBe(0)
  })
})

describe('folding constants before evaluation', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['every filter off', queries.deviceListPageQuery, deviceListPageParams({ sort: 'rating' }, 1)],
    [
      'several filters on, sorted by price',
      queries.deviceListPageQuery,
      deviceListPageParams({ sort: 'price-desc', use: 'home', maxNeedle: 0.5, minPrice: 5 }, 1),
    ],
    ['needle sort, second page', queries.deviceListPageQuery, deviceListPageParams({ sort: 'needle-desc' }, 2)],
    [
      'sorted by first-year cost, with a first-year limit',
      queries.deviceListPageQuery,
      deviceListPageParams({ sort: 'first-year-asc', maxFirstYear: 200 }, 1),
    ],
    ['sorted by cost per session', queries.deviceListPageQuery, deviceListPageParams({ sort: 'per-session-asc' }, 1)],
    ['facets, a first-year limit', queries.deviceFacetsQuery, deviceFacetParams({ maxFirstYear: 150 })],
    ['facets, nothing chosen', queries.deviceFacetsQuery, deviceFacetParams({})],
    [
      'facets, a form chosen',
      queries.deviceFacetsQuery,
      deviceFacetParams({ form: 'dermaRoller', concern: 'wrinkles' }),
    ],
    ['search', queries.deviceSearchQuery, { terms: ['luma*'], exclude: [], limit: 8 }],
  ]

  it.each(cases)('gives what groq-js gives without folding: %s', async (_name, query, params) => {
    await writeFile(datasetPath, sampleText)
    const published = sampleDocuments.filter((document) => !document._id.startsWith('drafts.'))
    const expected = await (await evaluate(parse(query, { params }), { dataset: published, params })).get()
    const source = createEmbeddedSource(datasetPath)
    expect(await source.fetch(query, params as never)).toEqual(expected)
  })
})

it('lists devices of every use in the vocabulary, and only those', () => {
  const listed = /intendedUse in (\[[^\]]*\])/.exec(queries.deviceListPageQuery)?.[1]
  expect(JSON.parse(listed ?? 'null')).toEqual(valuesOf(intendedUses))
})
