import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { type JavaScriptWeight, javascriptWeight, kilobytes } from '../support/javascriptWeight.ts'
import { webDir } from '../support/paths.ts'
import { type RunningSite, startSite } from '../support/site.ts'

/**
 * What each kind of page costs a shopper in JavaScript, against what Next.js alone costs: the
 * compressed bytes of every script a cold load in Chromium fetches (see support/javascriptWeight.ts),
 * on the embedded sample (no photos, no draft mode). Anything the site adds to the framework's
 * floor (a client component, a library reached from a layout) shows here, on every page that
 * loads it. Every page works without JavaScript, so none of it is needed to read or shop.
 */

/**
 * The bare Next.js page's figure (bench/bare-next: one static page, no client component of its
 * own), measured the same way: `pnpm bench:paint --build --runs 1` prints it ("JS bytes" of the
 * "bare" row). It moves only with Next.js and React, so measure it again and update it whenever
 * either changes: the last test fails until the versions here match the installed ones. Measured
 * on 1 December 2026: 135,135 bytes (132.0 KB; 133.8 KB counting the responses' headers too, as
 * DevTools' "transferred" does).
 */
const bareNextPage = { bytes: 135_135, next: '16.4.6', react: '19.3.1' }
/** What the site may add to that floor on any page (gzipped). */
const allowance = 5 * 1024

const pages = [
  { name: 'home', path: '/' },
  { name: 'device list', path: '/devices' },
  { name: 'device', path: '/devices/luma-titanium-roller-025' },
  {
    name: '3-device compare',
    path: '/compare?devices=luma-titanium-roller-025,fernhill-glide-home-pen,kestrel-pro-pen-p7',
  },
  { name: 'comparison', path: '/compare/home-roller-vs-home-stamp' },
  { name: 'guide', path: '/guides/cleaning-a-home-microneedling-device' },
  { name: 'finder', path: '/finder?concern=acneScarring&area=face&experience=firstTime&budget=60&setting=home' },
  { name: 'best-for guide', path: '/best/best-home-derma-roller-for-fine-lines' },
] as const

let site: RunningSite
let browser: Browser
const weights = new Map<string, JavaScriptWeight>()

beforeAll(async () => {
  ;[site, browser] = await Promise.all([startSite(), launchBrowser()])
  for (const page of pages) weights.set(page.path, await javascriptWeight(browser, `${site.url}${page.path}`))
  console.info(
    [
      `JavaScript per page (gzip), against ${kilobytes(bareNextPage.bytes)} KB for a bare Next.js page:`,
      ...pages.map((page) => {
        const { bytes, scripts } = weights.get(page.path)!
        const over = bytes - bareNextPage.bytes
        return `  ${page.name.padEnd(17)} ${kilobytes(bytes).padStart(6)} KB (${over >= 0 ? '+' : ''}${kilobytes(over)} KB, ${scripts.length} scripts) ${page.path}`
      }),
    ].join('\n'),
  )
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

describe('JavaScript a shopper downloads', () => {
  it(`stays within ${kilobytes(allowance)} KB of a bare Next.js page's, on every kind of page`, () => {
    const limit = bareNextPage.bytes + allowance
    const overweight = pages
      .map((page) => ({ page, weight: weights.get(page.path)! }))
      .filter(({ weight }) => weight.bytes > limit)
      .map(
        ({ page, weight }) =>
          `${page.path}: ${kilobytes(weight.bytes)} KB, ${kilobytes(weight.bytes - limit)} KB over ${kilobytes(limit)} KB; ` +
          `its scripts: ${weight.scripts.map((script) => `${new URL(script.url).pathname} ${kilobytes(script.bytes)} KB`).join(', ')}`,
      )
    expect(overweight).toEqual([])
  })

  it('is measured as it crosses the wire: every script compressed, the framework among them', () => {
    for (const page of pages) {
      const weight = weights.get(page.path)!
      // The framework alone is most of the floor: a figure far under it means scripts went uncounted.
      expect(weight.bytes, page.path).toBeGreaterThan(bareNextPage.bytes * 0.75)
      for (const script of weight.scripts) {
        expect(script.encoding, script.url).toMatch(/^(gzip|br)$/)
        expect(new URL(script.url).origin, script.url).toBe(site.url)
      }
    }
  })

  it('is compared with a floor measured on the Next.js and React installed', () => {
    const fromWeb = createRequire(join(webDir, 'package.json'))
    const installed = {
      next: (fromWeb('next/package.json') as { version: string }).version,
      react: (fromWeb('react/package.json') as { version: string }).version,
    }
    // Another version moves the floor: measure the bare page again (above) and update bareNextPage.
    expect(installed).toEqual({ next: bareNextPage.next, react: bareNextPage.react })
  })
})
