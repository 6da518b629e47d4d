import { readFile } from 'node:fs/promises'
import { editorialChecks } from '@microneedling/content/editorialChecks'
import { parseNdjson, type StoredDocument } from '@microneedling/content/source/ndjson'
import { evaluate, parse } from 'groq-js'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, phoneViewport } from '../support/browser.ts'
import { readPageFacts, rulesProblems, sampleCopy } from '../support/siteRules.ts'
import {
  devicePath,
  type EditingSetup,
  editorContext,
  openStudio,
  publish,
  siteEventually,
  startEditing,
} from '../support/studioEditor.ts'

/**
 * Editors at work, in the real Studio build in Chromium, on the local Content Lake that the site
 * (built for a Sanity project) reads: what they change and publish reaches shoppers through the
 * same signed webhook production uses.
 */

let setup: EditingSetup
let browser: Browser

beforeAll(async () => {
  ;[setup, browser] = await Promise.all([startEditing('editing'), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await setup?.close()
})

const lake = () => setup.running.lake
const deviceById = (id: string) =>
  lake().getDocument(id) as StoredDocument & {
    slug: { current: string }
    offers: { _key: string; price: number; availability?: string; priceCheckedAt?: string; partner: { _ref: string } }[]
  }

/** Opens the offer of a partner for editing (in the Offers tab, unless every field is shown). */
async function offerDialog(page: Page, partnerName: string, options: { allFields?: boolean } = {}) {
  if (!options.allFields) await page.getByRole('tab', { name: 'Offers' }).click({ timeout: 45_000 })
  await page.getByTestId('field-offers').getByText(partnerName, { exact: true }).first().click()
  return page.getByRole('dialog')
}

function partnerName(partnerId: string): string {
  return String(lake().getDocument(partnerId)?.name)
}

describe('an editor adds a home device', () => {
  it('sees the errors of a javascript: link and a 9 mm needle beside their fields, cannot publish, and publishes once fixed', async () => {
    const sourceId = 'device-luma-steel-roller-025'
    const source = deviceById(sourceId)
    const context = await editorContext(browser)
    const page = await openStudio(context, setup, devicePath(sourceId))
    // A new device from an existing one: the editor duplicates it and changes what differs.
    await page.getByTestId('action-menu-button').click({ timeout: 45_000 })
    await page.getByRole('menuitem', { name: 'Duplicate' }).click()
    await expect.poll(() => page.url(), { timeout: 20_000 }).not.toContain(sourceId)
    const newId = decodeURIComponent(page.url().split(';').at(-1)!.split('?')[0]!)
    await page.getByRole('tab', { name: 'All fields' }).click()
    await page.getByLabel('Name', { exact: true }).fill('Testline Home Roller 2.5 mm')
    await page.getByRole('button', { name: 'Generate' }).click()
    await page.getByLabel('Length (mm)', { exact: true }).fill('9')
    const offer = source.offers[0]!
    const offerDialogs = await offerDialog(page, partnerName(offer.partner._ref), { allFields: true })
    await offerDialogs.getByLabel('Link to the product', { exact: true }).fill('javascript:alert(document.cookie)')
    await page.keyboard.press('Escape')

    // Each error is marked at its field, and says what is wrong. The copied offers also still
    // carry the feed item ids of the device they came from, which the Studio refuses.
    const validation = { timeout: 20_000 }
    await expect
      .poll(
        () => page.getByTestId('field-needleSpec.lengthMm').getByTestId('input-validation-icon-error').count(),
        validation,
      )
      .toBeGreaterThan(0)
    await expect
      .poll(() => page.getByTestId('field-offers').getByTestId('input-validation-icon-error').count(), validation)
      .toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Validation' }).click()
    const messages = () =>
      page.getByText(/must be between|full https:\/\/ addresses|rarely go beyond|already has an offer/).allInnerTexts()
    await expect
      .poll(messages, validation)
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/Needle length must be between .* 9 mm is outside that/),
          expect.stringMatching(/Offer links must be full https:\/\/ addresses/),
          expect.stringMatching(/already has an offer from this partner with the feed item id/),
        ]),
      )
    await expect.poll(() => page.getByTestId('action-publish').isDisabled(), validation).toBe(true)

    // At 2.5 mm the length is allowed, but unusual for a home device: a warning, not an error.
    await page.getByLabel('Length (mm)', { exact: true }).fill('2.5')
    const lengthAndLink = async () => (await messages()).filter((text) => !/already has an offer/.test(text)).sort()
    await expect
      .poll(lengthAndLink, validation)
      .toEqual([
        expect.stringMatching(/^Home devices rarely go beyond .* reaches 2\.5 mm/),
        expect.stringMatching(/^Offer links must be full https/),
      ])
    const fixed = await offerDialog(page, partnerName(offer.partner._ref), { allFields: true })
    await fixed.getByLabel('Link to the product', { exact: true }).fill(String((offer as { url?: string }).url))
    // The new device's offers are not yet mapped to feed items: the editor clears the copied ids.
    await fixed.getByLabel('Feed item id', { exact: true }).fill('')
    await page.keyboard.press('Escape')
    for (const other of source.offers.slice(1)) {
      const dialog = await offerDialog(page, partnerName(other.partner._ref), { allFields: true })
      await dialog.getByLabel('Feed item id', { exact: true }).fill('')
      await page.keyboard.press('Escape')
    }
    await expect.poll(messages, validation).toEqual([expect.stringMatching(/reaches 2\.5 mm/)])
    await publish(page, setup, newId)
    await context.close()

    const created = deviceById(newId)
    expect(created).toMatchObject({ name: 'Testline Home Roller 2.5 mm', intendedUse: 'home' })
    const slug = created.slug.current
    const list = await siteEventually(setup, '/devices', (listPage) => listPage.html.includes('Testline Home Roller'))
    expect(list.html).toContain('Testline Home Roller 2.5 mm')

    // Its page keeps every rule: the disclosure before the first partner link, visible on a
    // phone, and the home-device caveats.
    const shopper = await browser.newPage({ viewport: phoneViewport })
    const response = await shopper.goto(`${setup.running.site.url}/devices/${slug}`)
    expect(response?.status()).toBe(200)
    const facts = await readPageFacts(shopper)
    const copy = { ...sampleCopy, homeDeviceSlugs: new Set([...sampleCopy.homeDeviceSlugs, slug]) }
    expect(rulesProblems(facts, { origin: setup.running.site.url, copy })).toEqual([])
    expect(facts.partnerLinks.length).toBeGreaterThan(0)
    await shopper.close()

    // And it is in the lake's export file, which the embedded source can read.
    await lake().flush()
    const stored = parseNdjson(await readFile(lake().exportPath, 'utf8')).documents
    expect(stored.find((document) => document._id === newId)).toMatchObject({ name: 'Testline Home Roller 2.5 mm' })
  })
})

describe('an editor changes a price', () => {
  it('publishing it shows the new price on the device page and in a comparison within seconds', async () => {
    const id = 'device-fernhill-glide-home-pen'
    const device = deviceById(id)
    const offer = device.offers.find((candidate) => candidate.availability !== 'outOfStock')!
    const other = 'device-luma-titanium-roller-025'
    const comparePath = `/compare?devices=${device.slug.current},${deviceById(other).slug.current}`
    const devicePage = `/devices/${device.slug.current}`
    // Both pages are in the site's caches before the change, as they would be for shoppers.
    expect((await siteEventually(setup, devicePage, (page) => page.status === 200)).status).toBe(200)
    expect((await siteEventually(setup, comparePath, (page) => page.status === 200)).status).toBe(200)

    const context = await editorContext(browser)
    const page = await openStudio(context, setup, devicePath(id))
    const dialog = await offerDialog(page, partnerName(offer.partner._ref))
    await dialog.getByLabel('Price', { exact: true }).fill('61.37')
    await page.keyboard.press('Escape')
    await publish(page, setup, id)
    const published = Date.now()
    expect(deviceById(id).offers.find((candidate) => candidate._key === offer._key)?.price).toBe(61.37)

    const onDevicePage = await siteEventually(setup, devicePage, (page) => page.html.includes('61.37'))
    const onComparison = await siteEventually(setup, comparePath, (page) => page.html.includes('61.37'))
    expect(onDevicePage.html).toContain('61.37')
    expect(onComparison.html).toContain('61.37')
    expect(Date.now() - published).toBeLessThan(15_000)
    await lake().webhooks!.settled()
    expect(lake().webhooks!.deliveries).toContainEqual(
      expect.objectContaining({ documentId: id, operation: 'update', delivered: true }),
    )
    await context.close()
  })
})

describe('two editors on one document', () => {
  it("each sees the other's edits as they are made, and neither loses one", async () => {
    const id = 'device-luma-titanium-stamp-025'
    const [first, second] = await Promise.all([editorContext(browser), editorContext(browser)])
    const [pageA, pageB] = await Promise.all([
      openStudio(first, setup, devicePath(id)),
      openStudio(second, setup, devicePath(id)),
    ])
    // Both editors show every field at once, so each can see the other's.
    for (const page of [pageA, pageB]) await page.getByRole('tab', { name: 'All fields' }).click({ timeout: 45_000 })
    const original = String(deviceById(id).name)
    const verdict = 'A verdict written by B while A renamed the device.'

    await pageA.getByLabel('Name', { exact: true }).fill(`${original} (edited by A)`)
    await pageB.getByLabel('Verdict', { exact: true }).fill(verdict)

    // Each sees the other's edit, without reloading.
    await expect
      .poll(() => pageB.getByLabel('Name', { exact: true }).inputValue(), { timeout: 15_000 })
      .toBe(`${original} (edited by A)`)
    await expect
      .poll(() => pageA.getByLabel('Verdict', { exact: true }).inputValue(), { timeout: 15_000 })
      .toBe(verdict)
    // Both edits are in the one draft the lake holds.
    await expect
      .poll(
        () => {
          const draft = lake().getDocument(`drafts.${id}`)
          return [draft?.name, draft?.verdict]
        },
        { timeout: 15_000 },
      )
      .toEqual([`${original} (edited by A)`, verdict])
    await Promise.all([first.close(), second.close()])
  })
})

describe('an editor unpublishes a device', () => {
  it('its page answers 404 and the sitemap no longer lists it', async () => {
    const id = 'device-luma-body-roller-030'
    const slug = deviceById(id).slug.current
    expect((await siteEventually(setup, `/devices/${slug}`, (page) => page.status === 200)).status).toBe(200)
    const sitemapBefore = await sitemapText()
    expect(sitemapBefore).toContain(`/devices/${slug}`)

    const context = await editorContext(browser)
    const page = await openStudio(context, setup, devicePath(id))
    // Unpublishing is offered on the published version of the document.
    await page.getByTestId('document-header-Published-chip').click({ timeout: 45_000 })
    await page.getByTestId('action-unpublish').click()
    const confirm = page.getByRole('dialog', { name: 'Unpublish document?' })
    await confirm.getByRole('button', { name: 'Unpublish now' }).click()
    await expect.poll(() => lake().getDocument(id), { timeout: 20_000 }).toBeUndefined()
    // What was published is kept as a draft, so nothing the editor wrote is lost.
    expect(lake().getDocument(`drafts.${id}`)).toMatchObject({ slug: { current: slug } })

    expect((await siteEventually(setup, `/devices/${slug}`, (page) => page.status === 404)).status).toBe(404)
    await expect.poll(sitemapText, { timeout: 15_000 }).not.toContain(`/devices/${slug}`)
    await context.close()
  })
})

/** Every device sitemap the index lists, as one text. */
async function sitemapText(): Promise<string> {
  const index = await (await fetch(`${setup.running.site.url}/sitemap.xml`)).text()
  const locations = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!)
  const parts = await Promise.all(
    locations.map(async (location) => {
      const path = new URL(location).pathname
      return (await fetch(`${setup.running.site.url}${path}`)).text()
    }),
  )
  return [index, ...parts].join('\n')
}

describe('the Presentation tool', () => {
  it('opens the site in draft mode from the Studio and shows a price that is not published yet', async () => {
    const id = 'device-fernhill-gold-eye-roller-020'
    const device = deviceById(id)
    const slug = device.slug.current
    await lake().setDocument({
      ...device,
      _id: `drafts.${id}`,
      offers: device.offers.map((offer, index) => (index === 0 ? { ...offer, price: 47.21 } : offer)),
    })
    // Shoppers still see what is published.
    const published = await siteEventually(setup, `/devices/${slug}`, (page) => page.status === 200)
    expect(published.html).not.toContain('47.21')

    const context = await editorContext(browser)
    const page = await openStudio(context, setup, `/presentation?preview=${encodeURIComponent(`/devices/${slug}`)}`)
    const preview = page.frameLocator('iframe').first()
    await expect
      .poll(
        () =>
          preview
            .locator('main')
            .innerText()
            .catch(() => ''),
        { timeout: 45_000 },
      )
      .toContain('47.21')
    // The page in the frame is the site's, in draft mode, for this editor only.
    expect(page.frames().some((frame) => frame.url().startsWith(setup.running.site.url))).toBe(true)
    const again = await fetch(`${setup.running.site.url}/devices/${slug}`)
    expect(await again.text()).not.toContain('47.21')
    await context.close()
  })
})

describe("the Studio's search", () => {
  it('finds a device by a word of its name, answered by the lake', async () => {
    const context = await editorContext(browser)
    const page = await openStudio(context, setup, '/structure')
    await page.getByTestId('studio-search').click()
    await page.keyboard.type('glide')
    // The desk at /structure names no device: the name can only come from the search's results.
    const name = String(deviceById('device-fernhill-glide-home-pen').name)
    await expect.poll(() => page.getByText(name, { exact: true }).count(), { timeout: 20_000 }).toBeGreaterThan(0)
    await context.close()
  })
})

describe("the editors' weekly checks", () => {
  it('each list shows the devices the dataset says need attention, and opens them', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)
    const stale = deviceById('device-luma-steel-roller-025')
    await lake().setDocument({
      ...stale,
      offers: stale.offers.map((offer, index) => (index === 0 ? { ...offer, priceCheckedAt: daysAgo(60) } : offer)),
    })
    await lake().patchDocument('device-kestrel-pro-pen-p7', { lastReviewedAt: daysAgo(800) })
    const soldOut = deviceById('device-orrin-pro-stamp-150')
    await lake().setDocument({
      ...soldOut,
      offers: soldOut.offers.map((offer) => ({ ...offer, availability: 'outOfStock' })),
    })

    const context = await editorContext(browser)
    const page = await openStudio(context, setup, '/structure/weekly-checks')
    // What the dataset says, read from the lake's export file with the lists' own filters.
    await lake().flush()
    const documents = parseNdjson(await readFile(lake().exportPath, 'utf8')).documents.filter(
      (document) => !document._id.startsWith('drafts.'),
    )
    const seeded: Record<string, string> = {
      pricesToCheck: String(stale.name),
      dueForMedicalReview: String(lake().getDocument('device-kestrel-pro-pen-p7')?.name),
      noOfferInStock: String(soldOut.name),
    }
    for (const [key, check] of Object.entries(editorialChecks)) {
      const tree = parse(`*[${check.filter}].name`, { params: check.params(new Date(), { priceStaleDays: 30 }) })
      const expected = ((await (await evaluate(tree, { dataset: documents })).get()) as string[]).sort()
      expect(expected, check.title).toContain(seeded[key])
      await page.getByTestId(`pane-item-${check.title}`).click()
      await expect
        .poll(async () => (await listedTitles(page)).sort(), { timeout: 20_000, message: check.title })
        .toEqual(expected)
    }
    // A device in a list opens for editing.
    await page.getByText(seeded.noOfferInStock!, { exact: true }).first().click()
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('device-orrin-pro-stamp-150')
    await context.close()
  })
})

/** The titles of the documents in the last list of documents the editor opened. */
async function listedTitles(page: Page): Promise<string[]> {
  const headers = page.getByTestId('document-list-pane').last().getByTestId('default-preview__header')
  return headers.evaluateAll((elements) =>
    elements.map((element) => (element.firstElementChild as HTMLElement | null)?.innerText.trim() ?? ''),
  )
}
