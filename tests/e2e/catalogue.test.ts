import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { cloneSlug, sampleDeviceCount, writeScaleDataset } from '@microneedling/bench/scaleDataset'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { fixtureDatasetsDir } from '../support/datasetFixtures.ts'
import { webDir } from '../support/paths.ts'
import { buildSite, type RunningSite, startSite } from '../support/site.ts'

/**
 * The catalogue at a size where every list has many pages: the site built on 2,000 devices (the
 * sample and deterministic clones of it), browsed with JavaScript off, as the plain links and GET
 * forms must work without it. Set beside the sample site where a page must not grow with the catalogue.
 */

const catalogueSize = 2000
const distDir = '.next-catalogue'
const perPage = 24
/** Three sample devices, present in the sample and in every scaled dataset. */
const compared = ['luma-titanium-roller-025', 'luma-steel-roller-025', 'fernhill-glide-home-pen']

let large: RunningSite
let sample: RunningSite
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  const datasetPath = join(fixtureDatasetsDir, `catalogue-${catalogueSize}.ndjson`)
  await writeScaleDataset(catalogueSize, datasetPath)
  const env = { CONTENT_DATASET: datasetPath }
  const [, launched] = await Promise.all([buildSite({ distDir, env }), launchBrowser()])
  browser = launched
  ;[large, sample] = await Promise.all([startSite({ distDir, env }), startSite()])
  context = await browser.newContext({ javaScriptEnabled: false })
  page = await context.newPage()
}, 600_000)
afterAll(async () => {
  await browser?.close()
  await Promise.all([large?.close(), sample?.close()])
})

async function open(path: string, site: RunningSite = large): Promise<number | undefined> {
  return (await page.goto(`${site.url}${path}`))?.status()
}

const heading = async () => (await page.locator('#results-heading').innerText()).replace(/\s+/g, ' ').trim()
const cardSlugs = () =>
  page
    .locator('[data-testid="device-list"] > li a[href^="/devices/"]')
    .evaluateAll((links) => [...new Set(links.map((link) => link.getAttribute('href')!.replace('/devices/', '')))])
const currentPage = async () => (await page.locator('[aria-current="page"]').innerText()).replace(/\D/g, '')
const notices = async () =>
  (await page.locator('[data-testid="notices"]').count()) > 0 ? page.locator('[data-testid="notices"]').innerText() : ''

describe('a catalogue of 2,000 devices', () => {
  it('shows one page of 24, with the count of all matches', async () => {
    expect(await open('/devices')).toBe(200)
    expect(await heading()).toBe(`${catalogueSize} devices · showing 1 to ${perPage}`)
    expect(await cardSlugs()).toHaveLength(perPage)
    expect(await currentPage()).toBe('1')
  })

  it('pages a filtered, sorted list with plain links that keep every filter', async () => {
    expect(await open('/devices?use=home&sort=price-asc')).toBe(200)
    const first = await cardSlugs()
    const total = Number((await heading()).match(/^(\d+) of 2000 devices match/)![1])
    expect(total).toBeGreaterThan(perPage * 4)

    await Promise.all([page.waitForURL(/page=2/), page.getByRole('link', { name: 'Next page' }).click()])
    const url = new URL(page.url())
    expect(Object.fromEntries(url.searchParams)).toEqual({ use: 'home', sort: 'price-asc', page: '2' })
    expect(await currentPage()).toBe('2')
    const second = await cardSlugs()
    expect(second).toHaveLength(perPage)
    expect(second.filter((slug) => first.includes(slug))).toEqual([])
    expect(await heading()).toBe(`${total} of 2000 devices match · showing 25 to 48`)
    expect(await page.locator('input[name="use"][value="home"]').isChecked()).toBe(true)

    const lastPage = Math.ceil(total / perPage)
    await Promise.all([
      page.waitForURL(new RegExp(`page=${lastPage}`)),
      page.getByRole('link', { name: `Page ${lastPage}`, exact: true }).click(),
    ])
    expect(await currentPage()).toBe(String(lastPage))
    expect(await cardSlugs()).toHaveLength(total - perPage * (lastPage - 1))
    expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(0)
    await Promise.all([
      page.waitForURL(/page=1\b|sort=price-asc$/),
      page.getByRole('link', { name: 'Page 1', exact: true }).click(),
    ])
    expect(await cardSlugs()).toEqual(first)
  })

  it('answers a page past the end with the last page and a message, never an error', async () => {
    expect(await open('/devices?use=professional&page=9999')).toBe(200)
    const total = Number((await heading()).match(/^(\d+) of/)![1])
    const lastPage = Math.ceil(total / perPage)
    expect(await notices()).toContain(`There is no page 9999: there are ${lastPage} pages, so here is the last.`)
    expect(await currentPage()).toBe(String(lastPage))
  })

  it('keeps only list pages that exist: one past the end is answered for each request, never kept', async () => {
    const response = await fetch(`${large.url}/devices?use=professional`)
    const lastPage = Math.ceil(Number(/(\d+) of 2000 devices match/.exec(await response.text())![1]) / perPage)
    for (const page of [lastPage + 1, 400]) {
      for (const attempt of [1, 2]) {
        const past = await fetch(`${large.url}/devices?use=professional&page=${page}`)
        expect(past.status).toBe(200)
        expect(past.headers.get('x-nextjs-cache'), `page ${page}, request ${attempt}`).toBeNull()
        expect(await past.text()).toContain(`There is no page ${page}`)
      }
      const view = `/devices/view/${encodeURIComponent(`use=professional&page=${page}`)}`
      expect((await fetch(`${large.url}${view}`)).status, view).toBe(404)
    }
    await fetch(`${large.url}/devices?use=professional&page=${lastPage}`)
    const kept = await fetch(`${large.url}/devices?use=professional&page=${lastPage}`)
    expect(['HIT', 'STALE']).toContain(kept.headers.get('x-nextjs-cache'))
  })

  it.each(['abc', '-1', '0', '2.5', '%00'])(
    'answers a malformed page number (%s) with the first page and a message',
    async (bad) => {
      expect(await open(`/devices?page=${bad}`)).toBe(200)
      expect(await notices()).toMatch(/There is no page “.*”: here is the first page\./)
      expect(await currentPage()).toBe('1')
      expect(await cardSlugs()).toHaveLength(perPage)
    },
  )

  it('shows how many devices each filter option gives, and the counts agree with the results', async () => {
    expect(await open('/devices?use=home&concern=wrinkles')).toBe(200)
    const options = await page
      .locator('#filter-form option')
      .evaluateAll((elements) =>
        elements.map((option) => ({ value: option.getAttribute('value'), text: option.textContent })),
      )
    const counted = options.flatMap(({ value, text }) => {
      const count = /\(([\d,]+)\)$/.exec(text ?? '')?.[1]
      return value && count ? [{ value, count: Number(count.replace(/,/g, '')) }] : []
    })
    expect(counted.length).toBeGreaterThanOrEqual(3)
    for (const option of counted) {
      expect(await open(`/devices?use=home&concern=wrinkles&form=${option.value}`)).toBe(200)
      const shown = option.count === 0 ? '0' : (await heading()).match(/^(\d+) of/)![1]
      expect(Number(shown), option.value).toBe(option.count)
    }
  })

  it('finds a device to compare by name and by brand, without JavaScript', async () => {
    // A clone's name is its source's brand, a model line and a number, then the source's name.
    const wanted = cloneSlug(170)
    const [brandWord, modelLine, modelNumber] = wanted.split('-')
    expect(await open(`/compare?devices=${compared[0]}`)).toBe(200)
    const search = async (text: string) => {
      await page.getByRole('searchbox', { name: 'Search by name or brand' }).fill(text)
      // Wait for this search's page: after the first search the URL already has a q.
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('q') === text),
        page.getByRole('button', { name: 'Search' }).click(),
      ])
      const results = page.locator('#finder-heading ~ div').first().locator('li')
      expect(await results.count()).toBeLessThanOrEqual(8)
      return results
    }
    // By name alone, then by a word only its brand has ("Dermal", of "Kestrel Dermal") with its model.
    for (const text of [`${modelLine} ${modelNumber}`, `dermal ${modelNumber} ${modelLine}`]) {
      const results = await search(text)
      expect(await results.count(), text).toBe(1)
      expect(await results.first().locator('a').getAttribute('href')).toBe(`/compare?devices=${compared[0]},${wanted}`)
    }
    const byBrand = await search(brandWord!)
    expect(await byBrand.count()).toBe(8)
    for (const text of await byBrand.allInnerTexts()) expect(text).toMatch(new RegExp(brandWord!, 'i'))

    await search(`${modelLine} ${modelNumber}`)
    await Promise.all([
      page.waitForURL(/devices=.*,/),
      page.locator('#finder-heading ~ div').first().locator('a').click(),
    ])
    expect(new URL(page.url()).searchParams.get('devices')!.split(',')).toEqual([compared[0], wanted])
    expect(await page.getByRole('table').count()).toBe(1)
  })

  it('draws a comparison whose HTML does not grow with the catalogue', async () => {
    const path = `/compare?devices=${compared.join(',')}`
    const read = async (site: RunningSite) => {
      const response = await fetch(`${site.url}${path}`)
      expect(response.status).toBe(200)
      const html = await response.text()
      return {
        bytes: html.length,
        options: html.match(/<option\b/g)?.length ?? 0,
        deviceLinks: html.match(/href="\/devices\//g)?.length ?? 0,
        addLinks: html.match(/href="\/compare\?devices=/g)?.length ?? 0,
      }
    }
    const [onLarge, onSample] = [await read(large), await read(sample)]
    expect(onLarge.options).toBe(0)
    expect(onLarge.addLinks).toBeLessThanOrEqual(compared.length + 4 + 4)
    expect(onLarge.deviceLinks).toBeLessThanOrEqual(onSample.deviceLinks + 4)
    expect(onLarge.bytes / onSample.bytes).toBeLessThan(1.1)
  })

  it('keeps filtered lists and comparisons cacheable, and serves a list it has rendered from its cache', async () => {
    for (const path of ['/devices?use=home&page=2', `/compare?devices=${compared.join(',')}`, '/devices?maxPrice=40']) {
      const response = await fetch(`${large.url}${path}`)
      const cacheControl = response.headers.get('cache-control') ?? ''
      expect(cacheControl, path).toMatch(/\bs-maxage=60\b/)
      expect(cacheControl, path).not.toMatch(/private|no-store/)
    }
    // A list with only fixed-value filters is rendered once and kept, whatever order its parameters come in.
    await fetch(`${large.url}/devices?form=dermaStamp&use=home&page=2`)
    const again = await fetch(`${large.url}/devices?page=2&use=home&form=dermaStamp`)
    // From the cache: HIT, or STALE when a reused build (SITE_BUILT=1) kept it from an earlier run.
    expect(['HIT', 'STALE']).toContain(again.headers.get('x-nextjs-cache'))
    // The views it keeps are reached only through /devices: made-up ones are not pages.
    expect((await fetch(`${large.url}/devices/view/${encodeURIComponent('use=nothing')}`)).status).toBe(404)
  })

  it('renders a device page that was not built ahead on its first request, and keeps it after', async () => {
    const built = join(webDir, distDir, 'server', 'app', 'devices')
    const prerendered = readdirSync(built).filter((file) => file.endsWith('.html'))
    expect(prerendered.length, 'device pages built ahead').toBeLessThanOrEqual(48 + compared.length * 4)
    const slug = cloneSlug(catalogueSize - sampleDeviceCount())
    const html = join(built, `${slug}.html`)
    expect(existsSync(html), 'a low-rated clone is not prerendered').toBe(false)
    const first = await fetch(`${large.url}/devices/${slug}`)
    expect(first.status).toBe(200)
    expect(await first.text()).toContain('<h1')
    const second = await fetch(`${large.url}/devices/${slug}`)
    expect(second.status).toBe(200)
    expect(second.headers.get('x-nextjs-cache')).toBe('HIT')
    expect(await second.text()).toContain('<h1')
  })
})
