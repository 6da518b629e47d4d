import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectPageErrors, launchBrowser, phoneViewport } from '../support/browser.ts'
import { type ContentLakeSite, sendWebhook, startContentLakeSite } from '../support/contentLakeSite.ts'
import { testsDir } from '../support/paths.ts'
import { sampleOfType, slugOf } from '../support/sampleDataset.ts'

/**
 * An editor adds a photo to a device and publishes. On the Content Lake, the device's page shows
 * it in place of the pictogram, loaded by the shopper's browser straight from Sanity's image CDN
 * (answered here by a stand-in image, since the CDN is out of reach), with the editor's alt text.
 * A screenshot is saved under tests/artifacts/screenshots/ for a person to look at.
 */

const device = sampleOfType('device').find((document) => document.intendedUse === 'home')!
const slug = slugOf(device)
const alt = 'The roller held over a bathroom basin, with its cap beside it'
const assetHash = '7c3e5a9b1d2f4e6a8c0b7d9f1e3a5c7b9d1f3e5a'
const photo = {
  _key: 'photo1',
  _type: 'image',
  alt,
  asset: { _type: 'reference', _ref: `image-${assetHash}-1200x800-png` },
}

/** What the CDN answers in this test: a drawing the size of the stored asset, so the page's layout is the real one. */
const cdnImage = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
  <rect width="1200" height="800" fill="#dbe7e4"/>
  <rect x="250" y="330" width="520" height="140" rx="70" fill="#7a9c95"/>
  <line x1="760" y1="400" x2="1040" y2="640" stroke="#41524e" stroke-width="44" stroke-linecap="round"/>
</svg>`

const screenshotsDir = join(testsDir, 'artifacts', 'screenshots')
let running: ContentLakeSite
let browser: Browser

beforeAll(async () => {
  ;[running, browser] = await Promise.all([
    startContentLakeSite('photos'),
    launchBrowser(),
    mkdir(screenshotsDir, { recursive: true }),
  ])
})
afterAll(async () => {
  await browser?.close()
  await running?.close()
})

describe('device photos on the Content Lake', () => {
  it('show on the device page from the image CDN, with their alt text, instead of the pictogram', async () => {
    const pictogramInHeader = 'main header use[href^="/pictograms.svg#"]'
    const before = await browser.newPage()
    try {
      await before.goto(`${running.site.url}/devices/${slug}`, { waitUntil: 'networkidle' })
      expect(await before.locator(pictogramInHeader).count()).toBe(1)
      expect(await before.locator('main header img').count()).toBe(0)
    } finally {
      await before.close()
    }

    await running.lake.patchDocument(device._id, { images: [photo] })
    const webhook = await sendWebhook(running.site, { _type: 'device', _id: device._id, slug, previousSlug: slug })
    expect(webhook.status).toBe(200)

    for (const viewport of [phoneViewport, { width: 1280, height: 800 }]) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 })
      try {
        const page = await context.newPage()
        const errors = collectPageErrors(page)
        const asked: URL[] = []
        await page.route('https://cdn.sanity.io/**', (route) => {
          asked.push(new URL(route.request().url()))
          return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: cdnImage })
        })
        const response = await page.goto(`${running.site.url}/devices/${slug}`, { waitUntil: 'networkidle' })
        expect(response?.status()).toBe(200)

        const image = page.locator('main header img').first()
        await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0)
        expect(await image.getAttribute('alt')).toBe(alt)
        expect(await image.isVisible()).toBe(true)
        const box = await image.boundingBox()
        // Drawn in the photo's own proportions (3:2), so the page does not shift when it arrives.
        expect(box && Math.abs(box.width / box.height - 1.5)).toBeLessThan(0.02)
        expect(await page.locator(pictogramInHeader).count()).toBe(0)

        // Every image request went to the project's CDN asset, sized by the CDN, never through the site.
        expect(asked.length).toBeGreaterThan(0)
        for (const url of asked) {
          expect(url.pathname).toBe(
            `/images/${running.lake.projectId}/${running.lake.dataset}/${assetHash}-1200x800.png`,
          )
          expect(Number(url.searchParams.get('w'))).toBeGreaterThan(0)
        }
        expect(errors).toEqual([])
        await page.screenshot({
          path: join(screenshotsDir, `device-photo-${viewport.width}x${viewport.height}.png`),
          fullPage: false,
        })
      } finally {
        await context.close()
      }
    }
  })
})
