import { knownPathsQuery } from '@microneedling/content/queries'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectPageErrors, launchBrowser } from '../support/browser.ts'
import {
  type ContentLakeSite,
  fetchPage,
  mainText,
  startContentLakeSite,
  testSecrets,
} from '../support/contentLakeSite.ts'
import { sampleDocuments } from '../support/sampleDataset.ts'
import { type RunningSite, startSite } from '../support/site.ts'

/**
 * Editors preview drafts on the real page: the Studio's Presentation tool opens
 * /api/draft-mode/enable with a one-time secret it stored in the Content Lake, and the site then
 * shows drafts (read with the token, never cached) with the edit overlays, to that editor only.
 * A site without a Sanity project says plainly that previews need one.
 */

// The device previewed, named here rather than read from the sample, so the test checks the pages
// against what the page should say.
const slug = 'fernhill-gold-eye-roller-020'
const publishedName = 'Fernhill Gold Eye Roller 0.2 mm'
const draftName = `${publishedName} (draft, not yet published)`
const device = sampleDocuments.find((document) => document._id === `device-${slug}`)
const previewSecret = 'preview-secret-from-the-presentation-tool'

let running: ContentLakeSite
let onSample: RunningSite

beforeAll(async () => {
  ;[running, onSample] = await Promise.all([startContentLakeSite('previews'), startSite()])
  if (!device) throw new Error(`the sample has no device-${slug} to preview`)
  await running.lake.setDocument({ ...device, _id: `drafts.${device._id}`, name: draftName })
  // What the Presentation tool writes before it opens the preview (see @sanity/preview-url-secret).
  await running.lake.setDocument({
    _id: 'sanity-preview-url-secret.test',
    _type: 'sanity.previewUrlSecret',
    secret: previewSecret,
    studioUrl: 'http://127.0.0.1:3333',
  })
})
afterAll(async () => {
  await Promise.all([running?.close(), onSample?.close()])
})

function enableUrl(secret: string, pathname = `/devices/${slug}`) {
  return `/api/draft-mode/enable?sanity-preview-secret=${encodeURIComponent(secret)}&sanity-preview-pathname=${encodeURIComponent(pathname)}`
}

/** The cookies a response sets, as a Cookie header for the next request. */
function cookiesFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .join('; ')
}

describe('draft mode on a site connected to a Sanity project', () => {
  let cookie = ''

  it('refuses to start a preview without the secret the Studio stored', async () => {
    for (const secret of ['', 'a-guessed-secret']) {
      const refused = await fetchPage(running.site, enableUrl(secret))
      expect(refused.status).toBe(401)
      expect(refused.headers.getSetCookie().join()).not.toContain('__prerender_bypass')
    }
  })

  it('starts a preview with it, and goes to the page the editor opened', async () => {
    const enabled = await fetchPage(running.site, enableUrl(previewSecret))
    expect(enabled.status).toBe(307)
    expect(enabled.headers.get('location')).toBe(`/devices/${slug}`)
    cookie = cookiesFrom(enabled.headers)
    expect(cookie).toContain('__prerender_bypass=')
  })

  it('shows the editor the draft, read with the token, with the preview tools', async () => {
    running.lake.clearRequests()
    const preview = await fetchPage(running.site, `/devices/${slug}`, { cookie })
    expect(preview.status).toBe(200)
    expect(mainText(preview.html)).toContain(draftName)
    expect(preview.html).toContain('Preview: you are seeing drafts.')
    const draftReads = running.lake.requests.filter((request) => request.perspective === 'drafts')
    expect(draftReads.length).toBeGreaterThan(0)
    expect(draftReads.every((request) => request.authenticated)).toBe(true)
    for (const secret of Object.values(testSecrets)) expect(preview.html).not.toContain(secret)
  })

  it('shows shoppers the published page, from the cache, without preview tools', async () => {
    running.lake.clearRequests()
    const published = await fetchPage(running.site, `/devices/${slug}`)
    expect(published.status).toBe(200)
    expect(mainText(published.html)).toContain(publishedName)
    expect(published.html).not.toContain(draftName)
    expect(published.html).not.toContain('preview-banner')
    // Only the list of known addresses the proxy checks invented ones against (knownPaths.ts) may be asked for.
    expect(running.lake.requests.filter((request) => request.query !== knownPathsQuery)).toEqual([])
  })

  it("mounts the edit overlays in the editor's browser, with JavaScript shoppers' pages never load", async () => {
    const url = `${running.site.url}/devices/${slug}`
    /** The scripts a cold load fetches, and whether next-sanity's VisualEditing mounted its overlay root. */
    async function load(browser: Browser, cookies: string) {
      const context = await browser.newContext()
      try {
        await context.addCookies(
          cookies
            .split('; ')
            .filter(Boolean)
            .map((pair) => {
              const [name = '', ...value] = pair.split('=')
              return { name, value: value.join('='), url: running.site.url }
            }),
        )
        const page = await context.newPage()
        const errors = collectPageErrors(page)
        const scripts = new Set<string>()
        page.on('request', (request) => {
          if (request.resourceType() === 'script') scripts.add(request.url())
        })
        expect((await page.goto(url, { waitUntil: 'networkidle' }))?.status()).toBe(200)
        const overlays = page.locator('sanity-visual-editing')
        if (cookies) await expect.poll(() => overlays.count(), { timeout: 15_000 }).toBeGreaterThan(0)
        return {
          scripts,
          overlays: await overlays.count(),
          banner: await page.getByRole('status').allInnerTexts(),
          errors,
        }
      } finally {
        await context.close()
      }
    }
    const browser = await launchBrowser()
    try {
      const shopper = await load(browser, '')
      const editor = await load(browser, cookie)
      expect(editor.banner.join()).toContain('Preview: you are seeing drafts.')
      expect(editor.errors).toEqual([])
      expect(shopper.overlays).toBe(0)
      expect(shopper.banner.join()).not.toContain('Preview')
      // The overlays' code (next-sanity's loader and the bundle it fetches) comes only with draft mode.
      expect([...editor.scripts].filter((script) => !shopper.scripts.has(script)).length).toBeGreaterThan(0)
      expect([...shopper.scripts].filter((script) => !editor.scripts.has(script))).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it('keeps previews of lists and comparisons out of shared caches, which may keep what shoppers see', async () => {
    for (const path of ['/devices?use=home', `/compare?devices=${slug}`]) {
      const previewed = await fetchPage(running.site, path, { cookie })
      expect(previewed.status, path).toBe(200)
      expect(previewed.headers.get('cache-control'), path).not.toMatch(/public|s-maxage/)
      const shopped = await fetchPage(running.site, path)
      expect(shopped.headers.get('cache-control'), path).toMatch(/\bs-maxage=60\b/)
      expect(shopped.headers.get('cache-control'), path).not.toMatch(/private|no-store/)
    }
  })

  it('ends the preview, back on a page of this site only', async () => {
    const disabled = await fetchPage(running.site, '/api/draft-mode/disable?redirect=https://elsewhere.example/', {
      cookie,
    })
    expect(disabled.status).toBe(307)
    expect(disabled.headers.get('location')).toBe('/')
    expect(disabled.headers.getSetCookie().join()).toMatch(/__prerender_bypass=;.*Expires=Thu, 01 Jan 1970/i)
  })
})

describe('draft mode on a site reading the embedded dataset', () => {
  it.each(['/api/draft-mode/enable', '/api/draft-mode/disable'])(
    '%s says that previews need a Sanity project',
    async (path) => {
      const answer = await fetchPage(onSample, `${path}?sanity-preview-secret=anything`)
      expect(answer.status).toBe(404)
      expect(answer.html).toMatch(/^Previews need a Sanity project: set NEXT_PUBLIC_SANITY_PROJECT_ID/)
    },
  )
})
