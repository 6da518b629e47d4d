import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, phoneViewport } from '../support/browser.ts'
import { copyOfSample, documentById, writeDataset } from '../support/datasetFixtures.ts'
import { sampleOfType } from '../support/sampleDataset.ts'
import { buildSite, type RunningSite, startSite } from '../support/site.ts'
import { sitemapPaths } from '../support/sitemap.ts'
import { readPageFacts, rulesProblems } from '../support/siteRules.ts'

/**
 * Rule 5, "bad content never breaks a page": the site built and served on a dataset with broken
 * documents (derived from the sample at test time) leaves each one out, logs its id, and renders
 * everything else. Static pages read the dataset at build time, so this site has its own build,
 * in web/.next-broken.
 */

const distDir = '.next-broken'

/** A device whose intendedUse is not in the vocabulary: it fails its schema everywhere. */
const brokenDevice = {
  id: 'device-fernhill-gold-eye-roller-020',
  slug: 'fernhill-gold-eye-roller-020',
  name: 'Fernhill Gold Eye Roller 0.2 mm',
}
/** A device with one offer whose URL is `javascript:`; its other offer must stay. */
const scriptOffer = {
  device: 'luma-body-roller-030',
  offer: 'luma-body-roller-glow-supply',
  kept: 'luma-body-roller-dermamart',
}
/** A device with one offer on a host its partner does not allow (valid https, so zod passes it). */
const offHostOffer = {
  device: 'softpoint-microcone-roller',
  offer: 'softpoint-microcone-glow-supply',
  kept: 'softpoint-microcone-dermamart',
}
/** A comparison of three devices, one of which no longer exists: two remain, enough for a table. */
const comparisonMissingOne = {
  slug: 'home-roller-vs-home-stamp',
  remaining: ['luma-titanium-roller-025', 'luma-titanium-stamp-025'],
  gone: 'device-softpoint-hydra-stamp-025',
}
/** A comparison of two devices, one of them the broken device: one remains, too few for a table. */
const comparisonLeftWithOne = { slug: 'home-rollers-titanium-vs-steel', remaining: ['luma-titanium-roller-025'] }
/** A guide without a title. */
const untitledGuide = { id: 'guide-cleaning-a-home-microneedling-device', slug: 'cleaning-a-home-microneedling-device' }

async function writeBrokenDataset(): Promise<string> {
  const documents = copyOfSample()
  documentById(documents, brokenDevice.id).intendedUse = 'clinic'

  const setOfferUrl = (deviceSlug: string, key: string, url: string) => {
    const offer = (documentById(documents, `device-${deviceSlug}`).offers as { _key: string; url: string }[]).find(
      (candidate) => candidate._key === key,
    )
    if (!offer) throw new Error(`fixture: ${deviceSlug} has no offer ${key}`)
    offer.url = url
  }
  setOfferUrl(scriptOffer.device, scriptOffer.offer, 'javascript:alert(document.cookie)')
  setOfferUrl(
    offHostOffer.device,
    offHostOffer.offer,
    'https://shop.example.com.evil.example/products/softpoint-microcone-roller',
  )

  const references = (id: string) => documentById(documents, id).devices as { _ref: string }[]
  references(`comparison-${comparisonMissingOne.slug}`).find(
    (reference) => reference._ref === comparisonMissingOne.gone,
  )!._ref = 'device-does-not-exist'
  references(`comparison-${comparisonLeftWithOne.slug}`).find(
    (reference) => reference._ref === 'device-luma-steel-roller-025',
  )!._ref = brokenDevice.id

  delete documentById(documents, untitledGuide.id).title
  return writeDataset('broken-content', documents)
}

let site: RunningSite
let browser: Browser
let page: Page
let buildOutput = ''
let datasetPath = ''

beforeAll(async () => {
  datasetPath = await writeBrokenDataset()
  const env = { CONTENT_DATASET: datasetPath }
  const [build, launched] = await Promise.all([buildSite({ distDir, env }), launchBrowser()])
  browser = launched
  buildOutput = build.output
  site = await startSite({ distDir, env })
  page = await browser.newPage({ viewport: phoneViewport })
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

async function open(path: string): Promise<number | undefined> {
  const response = await page.goto(`${site.url}${path}`)
  return response?.status()
}

/** The rules every page keeps (disclosure, partner links, caveats, disclaimer...), on this page too. */
async function expectRulesKept(): Promise<void> {
  expect(rulesProblems(await readPageFacts(page), { origin: site.url })).toEqual([])
}

async function partnerLinkPaths(): Promise<string[]> {
  return page.locator('a[href^="/go/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
}

describe('a site built on a dataset with broken documents', () => {
  it('was built from that dataset', () => {
    expect(buildOutput).toContain(`reading the embedded dataset at ${datasetPath}`)
  })

  it('lists every device but the broken one', async () => {
    const total = sampleOfType('device').length
    expect(await open('/devices')).toBe(200)
    expect((await page.locator('#results-heading').innerText()).trim()).toBe(`${total - 1} devices`)
    expect(await page.locator('[data-testid="device-list"] > li').count()).toBe(total - 1)
    expect(await page.locator(`a[href="/devices/${brokenDevice.slug}"]`).count()).toBe(0)
    await expectRulesKept()
  })

  it('answers 404 with the not-found page for the broken device', async () => {
    expect(await open(`/devices/${brokenDevice.slug}`)).toBe(404)
    await expect.poll(() => page.locator('h1').innerText()).toBe('We could not find that page')
  })

  it('leaves out the javascript: offer and keeps the device’s other offer', async () => {
    expect(await open(`/devices/${scriptOffer.device}`)).toBe(200)
    expect(await partnerLinkPaths()).toEqual([`/go/${scriptOffer.device}/${scriptOffer.kept}?from=device`])
    expect(await page.locator('[href^="javascript:" i]').count()).toBe(0)
    await expectRulesKept()
    const go = await fetch(`${site.url}/go/${scriptOffer.device}/${scriptOffer.offer}`, { redirect: 'manual' })
    expect(go.status).toBe(404)
  })

  it('leaves out the offer on a host its partner does not allow, and /go/ refuses it', async () => {
    expect(await open(`/devices/${offHostOffer.device}`)).toBe(200)
    expect(await partnerLinkPaths()).toEqual([`/go/${offHostOffer.device}/${offHostOffer.kept}?from=device`])
    const refused = await fetch(`${site.url}/go/${offHostOffer.device}/${offHostOffer.offer}`, { redirect: 'manual' })
    expect(refused.status).toBe(404)
    const kept = await fetch(`${site.url}/go/${offHostOffer.device}/${offHostOffer.kept}`, { redirect: 'manual' })
    expect(kept.status).toBe(302)
  })

  it('draws a comparison that lost one device with the devices that remain', async () => {
    expect(await open(`/compare/${comparisonMissingOne.slug}`)).toBe(200)
    const columns = await page
      .locator('thead th[scope="col"] a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(columns).toEqual(comparisonMissingOne.remaining.map((slug) => `/devices/${slug}`))
    await expectRulesKept()
  })

  it('renders a comparison left with one device without its table, and says why', async () => {
    expect(await open(`/compare/${comparisonLeftWithOne.slug}`)).toBe(200)
    expect(await page.getByRole('table').count()).toBe(0)
    expect(await page.locator('main').innerText()).toMatch(/no longer listed/)
    expect(await page.locator(`a[href="/devices/${brokenDevice.slug}"]`).count()).toBe(0)
    await expectRulesKept()
  })

  it('lists every guide but the untitled one, whose page is a 404', async () => {
    expect(await open('/guides')).toBe(200)
    const guides = await page
      .locator('main a[href^="/guides/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(guides).toHaveLength(sampleOfType('guide').length - 1)
    expect(guides).not.toContain(`/guides/${untitledGuide.slug}`)
    expect(await open(`/guides/${untitledGuide.slug}`)).toBe(404)
    await expect.poll(() => page.locator('h1').innerText()).toBe('We could not find that page')
  })

  it('still renders the home page and a sitemap without the broken documents', async () => {
    expect(await open('/')).toBe(200)
    expect(await page.locator(`a[href="/devices/${brokenDevice.slug}"]`).count()).toBe(0)
    // Not even by name, in the summary of a comparison that included it.
    expect(await page.locator('main').innerText()).not.toContain(brokenDevice.name)
    await expectRulesKept()
    const sitemap = await sitemapPaths(site.url)
    expect(sitemap).toContain(`/devices/${scriptOffer.device}`)
    expect(sitemap).not.toContain(`/devices/${brokenDevice.slug}`)
    expect(sitemap).not.toContain(`/guides/${untitledGuide.slug}`)
  })

  it('logs each left-out document by its id (build and server logs together)', () => {
    // Static pages are rendered by `next build`, dynamic ones by `next start`: the log is both.
    expect(site.output()).toContain(`reading the embedded dataset at ${datasetPath}`)
    const log = `${buildOutput}\n${site.output()}`
    const leftOutLines = log.split('\n').filter((line) => /left out/.test(line))
    const mentions = (text: string) => leftOutLines.some((line) => line.includes(text))
    expect(mentions(brokenDevice.id), `no "left out" line names ${brokenDevice.id}:\n${leftOutLines.join('\n')}`).toBe(
      true,
    )
    expect(
      mentions(untitledGuide.id),
      `no "left out" line names ${untitledGuide.id}:\n${leftOutLines.join('\n')}`,
    ).toBe(true)
    expect(
      mentions(scriptOffer.offer),
      `no "left out" line names the offer ${scriptOffer.offer}:\n${leftOutLines.join('\n')}`,
    ).toBe(true)
    expect(
      mentions(`${offHostOffer.device}/${offHostOffer.offer}`),
      `no "left out" line names ${offHostOffer.offer}:\n${leftOutLines.join('\n')}`,
    ).toBe(true)
    // Each names the field that was wrong, so an editor knows what to fix.
    expect(leftOutLines.find((line) => line.includes(brokenDevice.id))).toMatch(/intendedUse/)
    expect(leftOutLines.find((line) => line.includes(untitledGuide.id))).toMatch(/title/)
  })
})
