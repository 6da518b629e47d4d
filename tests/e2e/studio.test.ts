import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { testsDir } from '../support/paths.ts'
import {
  collectStudioErrors,
  offline,
  type StaticServer,
  type StudioErrors,
  serveStatic,
  studioDistDir,
} from '../support/studio.ts'

/**
 * The Studio editors open: its production build (studio/dist), served as a static site, boots in
 * a real browser without a JavaScript error of its own. Sanity's hosts cannot be reached here (and
 * every request off this machine is cut, so the result is the same anywhere): a Studio that boots
 * asks its project's API who the editor is, and shows Sanity's "Network error" screen when there is
 * no answer. A broken schema, plugin or config fails before that, with an error screen instead.
 */

/** Where the screen a test saw is kept, to look at when it fails. */
const screenshotPath = (path: string) =>
  join(testsDir, 'artifacts', `studio-offline${path.replaceAll(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}.png`)

let server: StaticServer
let browser: Browser

beforeAll(async () => {
  const buildFailure = inject('studioBuildFailure')
  if (buildFailure) throw new Error(`the Studio did not build, so there is nothing to test:\n${buildFailure}`)
  ;[server, browser] = await Promise.all([serveStatic(studioDistDir), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Opens a Studio path offline and waits for the screen a booted Studio shows without Sanity. */
async function openStudio(path: string): Promise<{ page: Page; collected: StudioErrors }> {
  const page = await browser.newPage()
  const collected = await collectStudioErrors(page)
  await offline(page, server.url)
  await mkdir(join(testsDir, 'artifacts'), { recursive: true })
  const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' })
  expect(response?.status()).toBe(200)
  // The Studio retries the request for the current user a few times before giving up; an error
  // (e.g. Sanity's schema error screen logs one) ends the wait at once.
  const networkScreen = page.getByText("Couldn't reach the Sanity servers")
  const deadline = Date.now() + 45_000
  while (!(await networkScreen.isVisible())) {
    const errors = await collected.errors()
    if (errors.length > 0 || Date.now() > deadline) {
      // Say what the Studio showed instead, and keep a picture of it.
      await page.screenshot({ path: screenshotPath(path) }).catch(() => undefined)
      const shown = await page
        .locator('body')
        .innerText()
        .catch(() => '(page unreadable)')
      throw new Error(
        `the Studio at ${path} did not boot to its "Network error" screen (screenshot: ${screenshotPath(path)}).\n` +
          `It showed:\n${shown.slice(0, 1500)}\nErrors:\n${errors.join('\n') || '(none)'}`,
      )
    }
    await page.waitForTimeout(250)
  }
  return { page, collected }
}

describe('Sanity Studio build', () => {
  it('boots to Sanity\'s "Network error" screen with no JavaScript error of its own', async () => {
    const { page, collected } = await openStudio('/')
    await page.screenshot({ path: screenshotPath('/') })

    expect(await page.getByText('Network error', { exact: true }).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true)
    // What Sanity shows when the Studio itself crashed, instead of its network screen.
    expect(await page.getByText('Uncaught error').count()).toBe(0)
    expect(await page.locator('#__sanityError').count()).toBe(0)

    // The bundle ran with the config: it asked the project's API (<projectId>.api.sanity.io) who
    // the editor is, which is as far as a Studio gets without Sanity.
    const userRequests = collected.failedSanityRequests.filter((url) => {
      const { hostname, pathname } = new URL(url)
      return /^[a-z0-9-]+\.api\.sanity\.io$/.test(hostname) && pathname.endsWith('/users/me')
    })
    expect(userRequests, collected.failedSanityRequests.join('\n')).not.toEqual([])

    // Errors can come a moment after the screen (e.g. from a plugin's effect): give them the chance.
    await page.waitForTimeout(1000)
    expect(await collected.errors(), `screenshot: ${screenshotPath('/')}`).toEqual([])
    await page.close()
  })

  it('boots on a deep link to a document list (the server falls back to index.html)', async () => {
    const { page, collected } = await openStudio('/structure/device')
    expect(await collected.errors()).toEqual([])
    await page.close()
  })
})

describe('harness', () => {
  // Checks the checker: the error collector must see what the Studio's own error handling would
  // otherwise swallow, and let through only failed requests to Sanity's hosts.
  it('reports errors thrown in the Studio, console errors, and failed requests to other hosts', async () => {
    const { page, collected } = await openStudio('/')
    await page.evaluate(async () => {
      setTimeout(() => {
        throw new Error('thrown by the harness test')
      })
      console.error('logged by the harness test')
      await fetch('https://example.com/harness-test').catch(() => undefined)
      await new Promise((resolve) => setTimeout(resolve, 100))
    })
    const errors = await collected.errors()
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^uncaught \(Sanity error channel\): Error: thrown by the harness test/),
        expect.stringMatching(/^console: logged by the harness test/),
        expect.stringMatching(/^console: Failed to load resource: .*https:\/\/example\.com\/harness-test/),
      ]),
    )
    expect(errors.join('\n')).not.toMatch(/sanity\.io|sanity-cdn\.com/)
    await page.close()
  })
})
