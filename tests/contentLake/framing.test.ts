import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { type ContentLakeSite, fetchPage, startContentLakeSite, testStudioUrl } from '../support/contentLakeSite.ts'
import { securityHeaderProblems } from '../support/siteRules.ts'

/**
 * The Presentation tool shows the site in a frame inside the Studio, so the site's
 * Content-Security-Policy lets the Studio's origin (SANITY_STUDIO_URL) frame it, and no other
 * origin: another site cannot overlay the partner links with its own (clickjacking).
 */

let running: ContentLakeSite
let browser: Browser

beforeAll(async () => {
  ;[running, browser] = await Promise.all([startContentLakeSite('framing'), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await running?.close()
})

/** The site's home page heading, as a browser shows it outside any frame. */
async function homeHeading(): Promise<string> {
  const page = await fetchPage(running.site, '/')
  return /<h1\b[^>]*>([\s\S]*?)<\/h1>/
    .exec(page.html)![1]!
    .replace(/<[^>]+>/g, '')
    .trim()
}

/** The first heading inside a frame of the site's home page on a page from `origin` (the browser's own error page when it refuses). */
async function headingFramedFrom(origin: string): Promise<string | null> {
  const context = await browser.newContext()
  try {
    // The framing page is served by Chromium itself for that origin: no server needed.
    await context.route(`${origin}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Studio</title><iframe id="site" src="${running.site.url}/" width="800" height="600"></iframe>`,
      }),
    )
    const page = await context.newPage()
    await page.goto(`${origin}/presentation`, { waitUntil: 'load' })
    await page.waitForTimeout(500)
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame())
    if (!frame) return null
    try {
      return await frame.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? null)
    } catch {
      return null
    }
  } finally {
    await context.close()
  }
}

describe('framing', () => {
  it("every response names the Studio's origin, and only it, besides the site's own, in frame-ancestors", async () => {
    const page = await fetchPage(running.site, '/')
    expect(securityHeaderProblems(Object.fromEntries(page.headers), { studioOrigin: testStudioUrl })).toEqual([])
  })

  it("the Studio's origin can show the site in a frame (Presentation keeps working)", async () => {
    const expected = await homeHeading()
    expect(expected.length).toBeGreaterThan(0)
    expect(await headingFramedFrom(testStudioUrl)).toBe(expected)
  })

  it('another origin cannot', async () => {
    const shown = await headingFramedFrom('http://elsewhere.test:3333')
    expect(shown).not.toBe(await homeHeading())
  })
})
