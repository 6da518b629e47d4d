import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ContentLakeSite, fetchPage, mainText, startContentLakeSite } from '../support/contentLakeSite.ts'
import { offersOf, sampleOfType, slugOf } from '../support/sampleDataset.ts'
import { type RunningSite, startSite } from '../support/site.ts'
import { sitemapPaths } from '../support/sitemap.ts'

/**
 * The site on a Sanity project shows what the site on the embedded dataset shows: the same pages,
 * with the same words, for every URL in the sitemap. Both read the same sample, one through
 * groq-js in-process, the other through @sanity/client over HTTP and Next's data cache.
 */

let onSample: RunningSite
let onContentLake: ContentLakeSite

beforeAll(async () => {
  ;[onSample, onContentLake] = await Promise.all([startSite(), startContentLakeSite('same-content')])
})
afterAll(async () => {
  await Promise.all([onSample?.close(), onContentLake?.close()])
})

describe('a site on the Content Lake', () => {
  let paths: string[] = []

  it('lists the same pages in its sitemap', async () => {
    const [fromSample, fromContentLake] = await Promise.all([
      sitemapPaths(onSample.url),
      sitemapPaths(onContentLake.site.url),
    ])
    expect(fromContentLake).toEqual(fromSample)
    // Every kind of page is there: the fixed ones, devices, comparisons and guides.
    for (const prefix of ['/devices/', '/compare/', '/guides/'])
      expect(fromSample.some((path) => path.startsWith(prefix))).toBe(true)
    paths = fromSample
  })

  it('shows the same main content on every page of the sitemap', async () => {
    expect(paths.length).toBeGreaterThan(20)
    const differences: string[] = []
    for (const path of paths) {
      const [sample, contentLake] = await Promise.all([fetchPage(onSample, path), fetchPage(onContentLake.site, path)])
      if (sample.status !== 200 || contentLake.status !== 200) {
        differences.push(`${path}: status ${sample.status} on the sample, ${contentLake.status} on the Content Lake`)
        continue
      }
      const [expected, actual] = [mainText(sample.html), mainText(contentLake.html)]
      expect(expected.length, `${path} has main content`).toBeGreaterThan(200)
      if (actual !== expected)
        differences.push(
          `${path}:\n  sample:       ${excerptAround(expected, actual)}\n  content lake: ${excerptAround(actual, expected)}`,
        )
    }
    expect(differences, differences.join('\n')).toEqual([])
    // Each site read its own source: the Content Lake site never fell back to the embedded sample.
    expect(onSample.output()).toContain('reading the embedded dataset')
    expect(onContentLake.site.output()).not.toContain('reading the embedded dataset')
  })
})

describe('partner links on the Content Lake', () => {
  it('redirect where they redirect on the sample', async () => {
    const partnerLinks = sampleOfType('device')
      .slice(0, 3)
      .flatMap((device) => offersOf(device).map((offer) => `/go/${slugOf(device)}/${offer._key}`))
    expect(partnerLinks.length).toBeGreaterThan(0)
    for (const path of partnerLinks) {
      const [sample, contentLake] = await Promise.all([fetchPage(onSample, path), fetchPage(onContentLake.site, path)])
      expect(sample.status, path).toBe(302)
      expect(contentLake.status, path).toBe(302)
      expect(contentLake.headers.get('location')).toBe(sample.headers.get('location'))
    }
  })
})

/** Where two texts first differ, with some context: enough to see what changed. */
function excerptAround(text: string, other: string): string {
  let index = 0
  while (index < text.length && text[index] === other[index]) index += 1
  return JSON.stringify(text.slice(Math.max(0, index - 60), index + 60))
}
