import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { chromiumPath } from '../support/browser.ts'
import { type ContentLakeSite, fetchPage, startContentLakeSite, studioUrlOf } from '../support/contentLakeSite.ts'
import { securityHeaderProblems } from '../support/siteRules.ts'

/**
 * The Presentation tool shows the site in a frame inside the Studio, so the site's
 * Content-Security-Policy lets the Studio's origin (SANITY_STUDIO_URL) frame it, and no other
 * origin: another site cannot overlay the partner links with its own (clickjacking).
 */

let running: ContentLakeSite
let browser: Browser

/**
 * Chromium refuses to let a page it takes for a public site load anything from this machine (Local
 * Network Access), which would block the frame before the site's own policy is consulted. The
 * Studio and the site are both public in production, so that check is turned off here.
 */
function launchWithoutLocalNetworkChecks(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessForNavigations,PrivateNetworkAccessRespectPreflightResults,BlockInsecurePrivateNetworkRequests',
    ],
  })
}

beforeAll(async () => {
  ;[running, browser] = await Promise.all([startContentLakeSite('framing'), launchWithoutLocalNetworkChecks()])
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

/**
 * The first heading inside a frame of the site's home page, on a page from `origin`, and what the
 * browser said about frame-ancestors (its console names the directive when it refuses).
 */
async function framedFrom(origin: string): Promise<{ heading: string | null; refusals: string[] }> {
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
    const refusals: string[] = []
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text())
    })
    await page.goto(`${origin}/presentation`, { waitUntil: 'load' })
    await page.waitForTimeout(500)
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame())
    let heading: string | null = null
    try {
      heading = (await frame?.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? null)) ?? null
    } catch {
      heading = null
    }
    return { heading, refusals }
  } finally {
    await context.close()
  }
}

/** Where the Studio built for the lake is served: the one origin the site names in frame-ancestors. */
const studioUrl = studioUrlOf(inject('contentLakeSite').studioPort)

describe('framing', () => {
  it("every response names the Studio's origin, and only it, besides the site's own, in frame-ancestors", async () => {
    const page = await fetchPage(running.site, '/')
    expect(securityHeaderProblems(Object.fromEntries(page.headers), { studioOrigin: studioUrl })).toEqual([])
  })

  it("the Studio's origin can show the site in a frame (Presentation keeps working)", async () => {
    const expected = await homeHeading()
    expect(expected.length).toBeGreaterThan(0)
    const framed = await framedFrom(studioUrl)
    expect(framed.refusals).toEqual([])
    expect(framed.heading).toBe(expected)
  })

  it('another origin cannot', async () => {
    const framed = await framedFrom('http://elsewhere.test:3333')
    expect(framed.heading).not.toBe(await homeHeading())
    expect(framed.refusals.join('\n')).toMatch(/frame-ancestors/)
  })
})
