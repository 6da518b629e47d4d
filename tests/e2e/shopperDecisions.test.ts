import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { sampleOfType, slugOf } from '../support/sampleDataset.ts'
import { type RunningSite, startSite } from '../support/site.ts'

/**
 * What a shopper decides with, on the sample, with JavaScript turned off (every control is a link
 * or a GET form): the devices sorted and filtered by what they cost in their first year, the
 * comparison's running-cost rows, the finder from its form to a URL that shows the same answer to
 * whoever opens it, and each "best for" guide with its picks under the site's rules.
 */

let site: RunningSite
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  ;[site, browser] = await Promise.all([startSite(), launchBrowser()])
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

/** "£139.00 in the first year" and the like, as pounds; undefined for a card with no figure. */
const pounds = (text: string | null): number | undefined => {
  const match = /£([\d,]+(?:\.\d+)?)/.exec(text ?? '')
  return match ? Number(match[1]!.replaceAll(',', '')) : undefined
}

async function cardFigures(): Promise<(number | undefined)[]> {
  const cells = page.getByTestId('device-card-first-year')
  return (await cells.allTextContents()).map(pounds)
}

describe('sorting and filtering by first-year cost', () => {
  it('sorts /devices by first-year cost with the form: known figures lowest first, then those without one', async () => {
    await page.goto(`${site.url}/devices`)
    await page.locator('#filter-sort').selectOption('first-year-asc')
    await page.locator('form[action="/devices"] button[type="submit"]').first().click()
    await page.waitForURL(/sort=first-year-asc/)
    const figures = await cardFigures()
    const known = figures.filter((figure): figure is number => figure !== undefined)
    expect(known.length).toBeGreaterThan(5)
    expect(known).toEqual([...known].sort((a, b) => a - b))
    // Every device without a figure comes after every device with one.
    expect(figures.slice(0, known.length).every((figure) => figure !== undefined)).toBe(true)
  })

  it('keeps to a first-year budget typed in the form, and says how the figure was worked out', async () => {
    await page.goto(`${site.url}/devices?sort=first-year-asc`)
    const all = (await cardFigures()).filter((figure) => figure !== undefined) as number[]
    const budget = Math.floor(all[Math.floor(all.length / 2)]!)
    await page.locator('#filter-max-first-year').fill(String(budget))
    await page.locator('form[action="/devices"] button[type="submit"]').first().click()
    await page.waitForURL(new RegExp(`maxFirstYear=${budget}`))
    const within = await cardFigures()
    expect(within.length).toBeGreaterThan(0)
    expect(within.length).toBeLessThan(all.length)
    for (const figure of within) expect(figure).toBeLessThanOrEqual(budget)

    const first = page.locator('[data-testid="device-list"] > li a[href^="/devices/"]').first()
    await first.click()
    await page.waitForURL(/\/devices\/[^/?]+$/)
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'What it costs to keep' }) })
    const text = (await section.innerText()).replace(/\s+/g, ' ')
    expect(text).toMatch(/= £[\d,.]+ in the first year/)
    expect(text).toMatch(/a session/)
  })
})

describe('the comparison’s running costs', () => {
  it('shows first-year cost and cost per session as rows, marked "Differs" where they differ', async () => {
    await page.goto(`${site.url}/compare?devices=luma-titanium-roller-025,fernhill-glide-home-pen,kestrel-pro-pen-p7`)
    for (const label of ['First-year cost', 'Cost per session']) {
      const row = page.locator('[data-testid="comparison-table"] tbody tr', {
        has: page.locator('th', { hasText: label }),
      })
      expect(await row.count(), label).toBe(1)
      const cells = (await row.locator('td').allInnerTexts()).map((cell) => cell.replace(/\s+/g, ' '))
      expect(cells).toHaveLength(3)
      const amounts = cells.map(pounds)
      const differs = new Set(amounts.map(String)).size > 1
      expect(await row.getAttribute('data-differs'), `${label}: ${cells.join(' | ')}`).toBe(String(differs))
      expect(await row.getByTestId('differs-badge').count()).toBe(differs ? 1 : 0)
    }
  })
})

describe('the finder', () => {
  it('answers its form with a URL to share: a professional first for stretch marks, then ranked devices with reasons', async () => {
    await page.goto(`${site.url}/finder`)
    await page.locator('#finder-concern').selectOption('stretchMarks')
    await page.locator('input[name="setting"][value="home"]').check()
    await page.locator('input[name="experience"][value="firstTime"]').check()
    await page.getByTestId('finder-form').locator('button[type="submit"]').click()
    await page.waitForURL(/\/finder\?.*concern=stretchMarks/)
    const shared = page.url()
    expect(new URL(shared).searchParams.get('setting')).toBe('home')

    const answerOrder = await page.evaluate(() => {
      const advice = document.querySelector('[data-testid="finder-advice"]')
      const firstPick = document.querySelector('[data-testid="finder-pick"]')
      if (!advice || !firstPick) return 'missing'
      return advice.compareDocumentPosition(firstPick) & Node.DOCUMENT_POSITION_FOLLOWING
        ? 'advice first'
        : 'pick first'
    })
    expect(answerOrder).toBe('advice first')
    expect(await page.getByTestId('finder-advice').innerText()).toMatch(/dermatologist or trained practitioner/)
    const picks = await page
      .getByTestId('finder-pick')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-device-slug')))
    expect(picks.length).toBeGreaterThan(0)
    for (const pick of await page.getByTestId('finder-pick').all()) {
      expect(await pick.getByTestId('finder-reason').count()).toBeGreaterThan(0)
    }
    // Home devices listed: the caveats are on the page, and so is the medical disclaimer.
    expect(await page.getByTestId('home-device-caveats').count()).toBe(1)
    expect(await page.getByTestId('medical-disclaimer').count()).toBe(1)

    // Whoever opens the shared URL sees the same answer, and the form keeps the answers.
    const other = await browser.newContext({ javaScriptEnabled: false })
    try {
      const tab = await other.newPage()
      await tab.goto(shared)
      expect(
        await tab
          .getByTestId('finder-pick')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-device-slug'))),
      ).toEqual(picks)
      expect(await tab.locator('#finder-concern').inputValue()).toBe('stretchMarks')
      expect(await tab.locator('input[name="setting"][value="home"]').isChecked()).toBe(true)
    } finally {
      await other.close()
    }
  })

  it('says which answers it could not use, and still answers the rest', async () => {
    const response = await page.goto(`${site.url}/finder?concern=warts&budget=cheap&setting=home`)
    expect(response?.status()).toBe(200)
    const text = await page.getByTestId('finder-answer').innerText()
    expect(text.length).toBeGreaterThan(0)
    expect(await page.locator('body').innerText()).toMatch(/concern|budget/i)
  })

  it('shows its weights on the methodology page', async () => {
    await page.goto(`${site.url}/about#finder-method`)
    const rows = page.getByTestId('finder-weights').locator('[data-criterion]')
    expect(await rows.count()).toBeGreaterThanOrEqual(4)
  })
})

describe('the "best for" guides', () => {
  const guides = sampleOfType('bestForGuide').map((guide) => ({
    slug: slugOf(guide),
    picks: (guide.picks as { role: string }[]).map((pick) => pick.role),
  }))

  it('are the three of the sample, each listed on /best', async () => {
    expect(guides).toHaveLength(3)
    await page.goto(`${site.url}/best`)
    const listed = await page
      .getByTestId('best-for-guide-list')
      .locator('a[href^="/best/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(new Set(listed)).toEqual(new Set(guides.map((guide) => `/best/${guide.slug}`)))
  })

  it.each(guides)(
    '/best/$slug: its picks with their roles, the disclosure before the first shop link, ItemList data',
    async ({ slug, picks }) => {
      const response = await page.goto(`${site.url}/best/${slug}`)
      expect(response?.status()).toBe(200)
      const shown = await page
        .getByTestId('best-for-pick')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-role')))
      expect(shown).toEqual(picks)
      expect(shown).toContain('topPick')
      for (const pick of await page.getByTestId('best-for-pick').all()) {
        expect((await pick.getByTestId('best-for-pick-reason').innerText()).length).toBeGreaterThan(20)
      }
      const order = await page.evaluate(() => {
        const disclosure = document.querySelector('[data-testid="affiliate-disclosure"]')
        const firstPartnerLink = document.querySelector('a[href^="/go/"]')
        if (!firstPartnerLink) return 'no partner link'
        if (!disclosure) return 'no disclosure'
        return disclosure.compareDocumentPosition(firstPartnerLink) & Node.DOCUMENT_POSITION_FOLLOWING
          ? 'disclosure first'
          : 'link first'
      })
      expect(order).toBe('disclosure first')
      expect(await page.getByTestId('medical-disclaimer').count()).toBe(1)
      const homePicks = await page.locator('[data-testid="best-for-pick"][data-intended-use="home"]').count()
      expect(await page.getByTestId('home-device-caveats').count()).toBe(homePicks > 0 ? 1 : 0)
      const lists = (await page.locator('script[type="application/ld+json"]').allTextContents())
        .map((text) => JSON.parse(text) as { '@type'?: string; itemListElement?: unknown[] })
        .filter((data) => data['@type'] === 'ItemList')
      expect(lists).toHaveLength(1)
      expect(lists[0]!.itemListElement).toHaveLength(picks.length)
    },
  )
})
