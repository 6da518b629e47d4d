import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectPageErrors, launchBrowser, phoneViewport } from '../support/browser.ts'
import { expectedOffers, isPartnerHost } from '../support/partnerOffers.ts'
import { sampleOfType, slugOf } from '../support/sampleDataset.ts'
import { type RunningSite, startSite } from '../support/site.ts'
import { readPageFacts, rulesProblems } from '../support/siteRules.ts'

/**
 * A shopper's path at desktop size, through the site's own controls only: filter the device list
 * to home-use derma rollers with needles of at most 0.5 mm, open one, put three side by side, and
 * follow a partner link to the shop. The filter also works, with the same results, with
 * JavaScript turned off (filters are plain GET forms).
 */

const desktopViewport = { width: 1280, height: 800 } as const
const maxNeedleMm = 0.5

/** What the sample dataset says the filter must find, worked out from the stored documents. */
const expectedSlugs = sampleOfType('device')
  .filter((device) => {
    const spec = device.needleSpec as {
      adjustable?: boolean
      lengthMm?: number
      minLengthMm?: number
      maxLengthMm?: number
    }
    const longest = spec.adjustable ? spec.maxLengthMm! : spec.lengthMm!
    return device.intendedUse === 'home' && device.formFactor === 'dermaRoller' && longest <= maxNeedleMm
  })
  .map(slugOf)
  .sort()
const deviceCount = sampleOfType('device').length

let site: RunningSite
let browser: Browser

beforeAll(async () => {
  ;[site, browser] = await Promise.all([startSite(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

interface ListedDevice {
  slug: string
  name: string
  intendedUse: string | null
  formFactor: string
  needleLength: string
}

/** On /devices: choose home use, derma roller and needles up to 0.5 mm with the form, and submit. */
async function filterToHomeRollers(page: Page): Promise<void> {
  await page.goto(`${site.url}/devices`)
  const filters = page.locator('form', { has: page.getByRole('button', { name: 'Show devices' }) })
  await filters.getByRole('radio', { name: 'Home use' }).check()
  await filters.getByLabel('Form factor').selectOption('dermaRoller')
  await filters.getByRole('group', { name: 'Needle length (mm)' }).getByLabel('To').fill(String(maxNeedleMm))
  await Promise.all([
    // Submitting is a plain navigation; if it needs JavaScript to happen, the page without it stays put.
    page.waitForURL(/\/devices\?/, { timeout: 10_000 }),
    filters.getByRole('button', { name: 'Show devices' }).click(),
  ])
}

async function listedDevices(page: Page): Promise<{ heading: string; devices: ListedDevice[] }> {
  const results = page
    .getByRole('region', { name: /devices/ })
    .filter({ has: page.locator('[data-testid="device-list"]') })
  const heading = (await page.locator('#results-heading').innerText()).trim()
  const devices = await results.locator('[data-testid="device-list"] > li').evaluateAll((items) =>
    items.map((item) => {
      const card = item.querySelector('[data-intended-use]')
      const nameLink = item.querySelector('h2 a, h3 a')
      const facts = Object.fromEntries(
        [...item.querySelectorAll('dl div')].map((row) => [
          row.querySelector('dt')?.textContent?.trim(),
          row.querySelector('dd')?.textContent?.trim(),
        ]),
      )
      return {
        slug: decodeURIComponent((nameLink?.getAttribute('href') ?? '').replace(/^\/devices\//, '')),
        name: nameLink?.textContent?.trim() ?? '',
        intendedUse: card?.getAttribute('data-intended-use') ?? null,
        formFactor: item.querySelector('[data-testid="device-card-kicker"]')?.textContent?.trim() ?? '',
        needleLength: (facts['Needle length'] as string | undefined) ?? '',
      }
    }),
  )
  return { heading, devices }
}

/** Millimetres from a card's "Needle length" ("0.25 mm", "0.2-0.3 mm (adjustable)"): the longest setting. */
function longestNeedleMm(text: string): number {
  const numbers = [...text.matchAll(/\d+(?:\.\d+)?/g)].map((match) => Number(match[0]))
  if (numbers.length === 0 || !/mm/.test(text)) throw new Error(`cannot read a needle length from "${text}"`)
  return Math.max(...numbers)
}

describe('a shopper looking for a gentle home roller', () => {
  let context: BrowserContext
  let page: Page
  let errors: string[]
  let listed: ListedDevice[]
  let compareUrl: string

  beforeAll(async () => {
    context = await browser.newContext({ viewport: desktopViewport })
    page = await context.newPage()
    errors = collectPageErrors(page)
  })
  afterAll(async () => {
    await context?.close()
  })

  it('filters /devices with the form to home derma rollers of at most 0.5 mm', async () => {
    await filterToHomeRollers(page)
    const url = new URL(page.url())
    expect(url.searchParams.get('use')).toBe('home')
    expect(url.searchParams.get('form')).toBe('dermaRoller')
    expect(url.searchParams.get('maxNeedle')).toBe(String(maxNeedleMm))

    const { heading, devices } = await listedDevices(page)
    listed = devices
    expect(expectedSlugs.length).toBeGreaterThanOrEqual(3)
    expect(heading).toBe(`${expectedSlugs.length} of ${deviceCount} devices match`)
    expect(devices.map((device) => device.slug).sort()).toEqual(expectedSlugs)
    for (const device of devices) {
      expect(device.intendedUse, device.slug).toBe('home')
      expect(device.formFactor, device.slug).toMatch(/Derma roller/)
      expect(longestNeedleMm(device.needleLength), `${device.slug}: ${device.needleLength}`).toBeLessThanOrEqual(
        maxNeedleMm,
      )
    }
    // The list says which filters are on, so the shopper knows why it is short.
    const active = page.getByRole('list', { name: 'Active filters' })
    await expect.poll(() => active.innerText()).toMatch(/Home use[\s\S]*Derma roller[\s\S]*0\.5 mm/)
  })

  it('narrows the needle length with the same form, which kept the other choices', async () => {
    // The sample's home rollers all have needles of 0.5 mm or less, so 0.5 alone cannot show that
    // the length filter works at all: 0.25 must drop the longer ones and keep the rest.
    const filters = page.locator('form', { has: page.getByRole('button', { name: 'Show devices' }) })
    expect(await filters.getByRole('radio', { name: 'Home use' }).isChecked()).toBe(true)
    expect(await filters.getByLabel('Form factor').inputValue()).toBe('dermaRoller')
    await filters.getByRole('group', { name: 'Needle length (mm)' }).getByLabel('To').fill('0.25')
    await Promise.all([
      page.waitForURL(/maxNeedle=0\.25/),
      filters.getByRole('button', { name: 'Show devices' }).click(),
    ])
    const narrowed = (await listedDevices(page)).devices
    const expected = listed
      .filter((device) => longestNeedleMm(device.needleLength) <= 0.25)
      .map((device) => device.slug)
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(listed.length)
    expect(narrowed.map((device) => device.slug).sort()).toEqual(expected.sort())
    await page.goBack()
    await page.waitForURL(/maxNeedle=0\.5/)
  })

  it('opens one device from the list', async () => {
    const first = listed[0]!
    await Promise.all([
      page.waitForURL(`**/devices/${first.slug}`),
      page.getByRole('link', { name: first.name, exact: true }).first().click(),
    ])
    expect((await page.locator('h1').innerText()).trim()).toBe(first.name)
    expect(await page.locator('[data-testid="home-device-caveats"]').isVisible()).toBe(true)
  })

  it('adds three devices to the comparison with the site’s own link and form', async () => {
    const [first, second, third] = listed as [ListedDevice, ListedDevice, ListedDevice]
    await Promise.all([page.waitForURL(/\/compare\?/), page.getByRole('link', { name: 'Add to comparison' }).click()])
    for (const next of [second, third]) {
      // The finder searches by name and brand; its results link to the comparison with the device added.
      await page.getByRole('searchbox', { name: 'Search by name or brand' }).fill(next.name)
      await Promise.all([page.waitForURL(/[?&]q=/), page.getByRole('button', { name: 'Search' }).click()])
      const before = page.url()
      await Promise.all([
        page.waitForURL((url) => url.toString() !== before),
        page
          .getByRole('link', { name: `Add ${next.name}`, exact: true })
          .first()
          .click(),
      ])
    }
    compareUrl = page.url()
    const chosen = new URL(compareUrl).searchParams.getAll('devices').flatMap((value) => value.split(','))
    expect(chosen).toEqual([first.slug, second.slug, third.slug])
  })

  it('shows the comparison table: caption, three device columns, differing rows marked', async () => {
    const table = page.getByRole('table')
    expect(await table.count()).toBe(1)
    const caption = (await table.locator('caption').innerText()).trim()
    for (const device of listed.slice(0, 3)) expect(caption).toContain(device.name)
    expect(caption).toMatch(/Differs/)

    const columns = await table.locator('thead th[scope="col"]').allInnerTexts()
    const deviceColumns = columns.slice(1)
    expect(deviceColumns).toHaveLength(3)
    for (const [index, device] of listed.slice(0, 3).entries()) expect(deviceColumns[index]).toContain(device.name)

    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const badge = tr.querySelector('th [data-testid="differs-badge"]')
        return {
          label: tr.querySelector('th')?.firstChild?.textContent?.trim() ?? '',
          cells: [...tr.querySelectorAll('td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
          marked: badge !== null && badge.textContent?.trim() === 'Differs' && (badge as HTMLElement).offsetWidth > 0,
        }
      }),
    )
    expect(rows.length).toBeGreaterThanOrEqual(5)
    for (const row of rows) {
      expect(row.cells, row.label).toHaveLength(3)
      const differs = new Set(row.cells).size > 1
      expect(
        row.marked,
        `row "${row.label}" (${row.cells.join(' | ')}) ${differs ? 'differs but is not marked' : 'is marked but the same'}`,
      ).toBe(differs)
    }
    expect(rows.some((row) => row.marked)).toBe(true)
  })

  it('shows the short disclosure above the first partner link, on screen at once on a phone', async () => {
    const desktopFacts = await readPageFacts(page)
    expect(desktopFacts.partnerLinks.length).toBeGreaterThan(0)
    expect(
      desktopFacts.disclosure?.precedesFirstPartnerLink,
      'the disclosure comes before the first partner link (desktop)',
    ).toBe(true)

    const phone = await browser.newContext({ viewport: phoneViewport })
    try {
      const phonePage = await phone.newPage()
      await phonePage.goto(compareUrl)
      const facts = await readPageFacts(phonePage)
      expect(
        facts.disclosure?.precedesFirstPartnerLink,
        'the disclosure comes before the first partner link (phone)',
      ).toBe(true)
      expect(facts.disclosure!.box.top, 'the disclosure starts on the first screen').toBeGreaterThanOrEqual(0)
      expect(facts.disclosure!.box.bottom, 'the disclosure ends on the first screen').toBeLessThanOrEqual(
        phoneViewport.height,
      )
      // The rest of the rules hold here too (caveats for the home devices, the disclaimer, link marks).
      expect(rulesProblems(facts, { origin: site.url })).toEqual([])
    } finally {
      await phone.close()
    }
  })

  it('follows a partner link through /go/ to the offer URL stored in the dataset', async () => {
    // The partner hosts are reserved example domains: answer for them with a small page.
    await context.route(
      (url) => isPartnerHost(url.hostname),
      (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!doctype html><title>Partner shop</title><h1>Partner shop</h1>',
        }),
    )
    const link = page.getByRole('table').locator('a[href^="/go/"]').first()
    const goPath = (await link.getAttribute('href'))!
    // The link says which kind of page it is on, for the click reports; only the path picks the offer.
    const [goPathname, goQuery] = goPath.split('?')
    expect(goQuery).toBe('from=compare')
    const offer = expectedOffers().find((candidate) => candidate.goPath === goPathname)
    expect(offer, `${goPath} is not an offer in the sample dataset`).toBeDefined()
    expect(
      offer!.partner.trackingParameter,
      'this path is meant to show a tracking parameter being added',
    ).toBeDefined()

    const partnerRequest = page.waitForRequest((request) => isPartnerHost(new URL(request.url()).hostname))
    await link.click()
    const request = await partnerRequest
    await page.waitForURL((url) => isPartnerHost(url.hostname))
    expect(page.url()).toBe(offer!.target)
    expect(new URL(page.url()).searchParams.get(offer!.partner.trackingParameter!.name)).toBe(
      offer!.partner.trackingParameter!.value,
    )
    // It went through the site's /go/ path, which answered with a redirect.
    const viaSite = request.redirectedFrom()
    expect(viaSite?.url()).toBe(`${site.url}${goPath}`)
    expect((await viaSite!.response())?.status()).toBe(302)
    expect(await page.locator('h1').innerText()).toBe('Partner shop')
    expect(errors).toEqual([])
  })
})

describe('the same filter with JavaScript turned off', () => {
  it('gives the same results', async () => {
    const withScript = await browser.newContext({ viewport: desktopViewport })
    const withoutScript = await browser.newContext({ viewport: desktopViewport, javaScriptEnabled: false })
    try {
      const [scripted, plain] = await Promise.all([withScript.newPage(), withoutScript.newPage()])
      await filterToHomeRollers(scripted)
      await filterToHomeRollers(plain)
      const [withJs, withoutJs] = await Promise.all([listedDevices(scripted), listedDevices(plain)])
      expect(withoutJs.devices.map((device) => device.slug).sort()).toEqual(expectedSlugs)
      expect(withoutJs).toEqual(withJs)
      expect(new URL(plain.url()).search).toBe(new URL(scripted.url()).search)
    } finally {
      await withScript.close()
      await withoutScript.close()
    }
  })
})
