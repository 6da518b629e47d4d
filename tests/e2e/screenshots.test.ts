import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectPageErrors, launchBrowser, phoneViewport } from '../support/browser.ts'
import { testsDir } from '../support/paths.ts'
import { type RunningSite, startSite } from '../support/site.ts'

/**
 * Screenshots of the pages a shopper spends most time on, at phone and desktop size, saved under
 * tests/artifacts/screenshots/ (git-ignored) for a person to look at. Each also asserts what a
 * shopper would notice at once: the page does not scroll sideways, the heading is on the first
 * screen, the affiliate disclosure is on the first screen, and nothing in it spills past the edge.
 */

const screenshotsDir = join(testsDir, 'artifacts', 'screenshots')
const viewports = [
  { name: 'phone', ...phoneViewport },
  { name: 'desktop', width: 1280, height: 800 },
] as const
const pages = [
  { name: 'home', path: '/' },
  { name: 'device', path: '/devices/luma-titanium-roller-025' },
  // Three devices, home and professional, roller and pens: the widest table a shopper builds often.
  { name: 'compare-3', path: '/compare?devices=luma-titanium-roller-025,fernhill-glide-home-pen,kestrel-pro-pen-p7' },
  { name: 'finder', path: '/finder?concern=stretchMarks&setting=home' },
  { name: 'best-for', path: '/best/best-microneedling-pen-for-acne-scarring' },
] as const

let site: RunningSite
let browser: Browser

beforeAll(async () => {
  ;[site, browser] = await Promise.all([startSite(), launchBrowser(), mkdir(screenshotsDir, { recursive: true })])
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

describe.each(viewports)('at $width x $height ($name)', (viewport) => {
  it.each(pages)(
    '$name ($path): no sideways scroll, heading and disclosure on the first screen',
    async ({ name, path }) => {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        deviceScaleFactor: 1,
      })
      try {
        const page = await context.newPage()
        const errors = collectPageErrors(page)
        const response = await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' })
        expect(response?.status()).toBe(200)
        await page.evaluate(() => document.fonts.ready)
        await page.screenshot({
          path: join(screenshotsDir, `${name}-${viewport.width}x${viewport.height}.png`),
          fullPage: true,
        })

        const view = await page.evaluate(() => {
          const box = (selector: string) => {
            const element = document.querySelector(selector)
            if (!element) return null
            const rect = element.getBoundingClientRect()
            return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right }
          }
          // Elements that reach past the right edge of the page, outside any box that scrolls on its own.
          const spilling = [...document.querySelectorAll('body *')]
            .filter((element) => {
              const rect = element.getBoundingClientRect()
              if (rect.width === 0 || rect.right <= document.documentElement.clientWidth + 1) return false
              for (let parent = element.parentElement; parent; parent = parent.parentElement) {
                const overflow = getComputedStyle(parent).overflowX
                if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden' || overflow === 'clip')
                  return false
              }
              return getComputedStyle(element).position !== 'fixed'
            })
            .map(
              (element) =>
                `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`,
            )
          return {
            scrollWidth: document.scrollingElement!.scrollWidth,
            innerWidth: window.innerWidth,
            h1: box('h1'),
            h1Count: document.querySelectorAll('h1').length,
            disclosure: box('[data-testid="affiliate-disclosure"]'),
            hasPartnerLinks: document.querySelector('a[href^="/go/"]') !== null,
            spilling: spilling.slice(0, 10),
          }
        })
        expect(view.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(view.innerWidth)
        expect(view.spilling, 'elements reach past the right edge').toEqual([])
        expect(view.h1Count).toBe(1)
        expect(await page.locator('h1').isVisible()).toBe(true)
        expect(view.h1!.top, 'the h1 starts above the fold').toBeGreaterThanOrEqual(0)
        expect(view.h1!.bottom, 'the h1 ends above the fold').toBeLessThanOrEqual(viewport.height)
        if (view.hasPartnerLinks) {
          expect(view.disclosure, 'a page with partner links and no disclosure').not.toBeNull()
          expect(view.disclosure!.bottom, 'the disclosure ends above the fold').toBeLessThanOrEqual(viewport.height)
        }
        expect(errors).toEqual([])
      } finally {
        await context.close()
      }
    },
  )
})
