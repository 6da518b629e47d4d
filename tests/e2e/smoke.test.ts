import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeViolations, runAxe } from '../support/axe.ts'
import { collectPageErrors, launchBrowser } from '../support/browser.ts'
import { type RunningSite, startSite } from '../support/site.ts'

/** The built site starts, and its home page renders for a shopper without errors. */

let site: RunningSite
let browser: Browser

beforeAll(async () => {
  // Default environment: the embedded sample dataset, as on a first run.
  ;[site, browser] = await Promise.all([startSite(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

describe('home page', () => {
  it('answers 200 with a heading and no console errors', async () => {
    const page = await browser.newPage()
    const errors = collectPageErrors(page)
    const response = await page.goto(`${site.url}/`, { waitUntil: 'networkidle' })
    expect(response?.status(), site.output()).toBe(200)
    const headings = page.locator('h1')
    expect(await headings.count()).toBeGreaterThanOrEqual(1)
    expect((await headings.first().innerText()).trim()).not.toBe('')
    expect(await headings.first().isVisible()).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('harness', () => {
  // Checks the checker: a page with known WCAG failures must produce violations, or an empty
  // result from runAxe would prove nothing about the site.
  it('runAxe reports WCAG 2.2 AA violations on a page that has them', async () => {
    const page = await browser.newPage()
    await page.setContent(
      '<html><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>',
    )
    const violations = await runAxe(page)
    const ids = violations.map((violation) => violation.id)
    expect(ids).toContain('image-alt')
    expect(ids).toContain('label')
    expect(describeViolations(violations)).toMatch(/image-alt \(critical\): .* at img/)
    await page.close()
  })
})
