import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { type ContentLakeSite, startContentLakeSite, testSecrets } from './contentLakeSite.ts'
import { type StaticServer, serveStatic } from './studio.ts'

/**
 * The Studio an editor uses on the local Content Lake: its production build (made by the
 * contentlake project's global setup with the settings `pnpm dev` uses), served where the site
 * expects it, editing the lake the site reads, with the lake sending its signed webhook to the
 * site. Nothing of Sanity's API is mocked: every request the Studio makes goes to the lake.
 */

export interface EditingSetup {
  running: ContentLakeSite
  studio: StaticServer
  /** The Studio's address as the site knows it (the one origin allowed to frame it). */
  studioUrl: string
  close(): Promise<void>
}

export async function startEditing(name: string): Promise<EditingSetup> {
  const build = inject('contentLakeSite')
  if (build.studioBuildFailure) {
    throw new Error(
      `the Studio for the local lake did not build, so there is nothing to test:\n${build.studioBuildFailure}`,
    )
  }
  const running = await startContentLakeSite(name, { port: build.editingSitePort })
  running.lake.sendWebhooksTo({
    url: `${running.site.url}/api/revalidate`,
    secret: testSecrets.revalidateSecret,
    retryDelayMs: 1000,
  })
  const studio = await serveStatic(build.studioOutDir, build.studioPort)
  return {
    running,
    studio,
    studioUrl: `http://localhost:${build.studioPort}`,
    async close() {
      await studio.close()
      await running.close()
    },
  }
}

/**
 * A browser context for one editor. Requests that would leave this machine (Sanity's CDN for the
 * Studio's version check and fonts) are cut, as they are offline; the lake and its `*.localhost`
 * names, and the site, are this machine.
 */
export async function editorContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  await context.route(/^https?:\/\/(?![^/]*localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.abort())
  return context
}

/** Opens a path of the Studio and waits until the editor sees the desk. */
export async function openStudio(context: BrowserContext, setup: EditingSetup, path: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${setup.studioUrl}${path}`)
  await page
    .getByRole('button', { name: 'Structure' })
    .or(page.getByRole('link', { name: 'Structure' }))
    .first()
    .waitFor({
      timeout: 45_000,
    })
  return page
}

/** The Structure path of a device in "All devices". */
export function devicePath(id: string): string {
  return `/structure/devices;all-devices;${id}`
}

/** Publishes the open document and waits until the lake holds no draft of it. */
export async function publish(page: Page, setup: EditingSetup, id: string): Promise<void> {
  const button = page.getByTestId('action-publish')
  await expect.poll(() => button.isEnabled(), { timeout: 20_000 }).toBe(true)
  await button.click()
  await expect.poll(() => setup.running.lake.getDocument(`drafts.${id}`) === undefined, { timeout: 20_000 }).toBe(true)
}

/** Polls a page of the site until its HTML passes `check`, or the time is up. */
export async function siteEventually(
  setup: EditingSetup,
  path: string,
  check: (page: { status: number; html: string }) => boolean,
  timeoutMs = 15_000,
): Promise<{ status: number; html: string }> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const response = await fetch(`${setup.running.site.url}${path}`, { redirect: 'manual' })
    const page = { status: response.status, html: await response.text() }
    if (check(page) || Date.now() > deadline) return page
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
