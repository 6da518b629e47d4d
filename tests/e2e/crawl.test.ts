import type { Result } from 'axe-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeViolations, runAxe } from '../support/axe.ts'
import { launchBrowser, phoneViewport } from '../support/browser.ts'
import { expectedOffers } from '../support/partnerOffers.ts'
import { type RunningSite, startSite } from '../support/site.ts'
import { type PageFacts, readPageFacts, rulesProblems, securityHeaderProblems } from '../support/siteRules.ts'

/**
 * Starting from /, every page a shopper can reach by following links on the site, each checked
 * against the site's rules at phone size (390x844, where the disclosure rule is judged). Partner
 * links (/go/...) are not pages: each one found is followed once with a HEAD (which the site does
 * not count as a click) and must answer 302 to the stored https URL on its partner's host.
 *
 * The crawl runs once, in beforeAll; each test then judges one rule over every page and names
 * every page that breaks it.
 */

/** Pages no link leads to, but a shopper can land on: they must answer the site's 404 page. */
const notFoundSeeds = ['/this-page-does-not-exist', '/devices/no-such-device']
/** A full comparison table, which links reach only through the finder's nofollow links. */
const comparisonSeed = '/compare?devices=luma-titanium-roller-025,luma-steel-roller-025,fernhill-glide-home-pen'
/** An answered device finder (a GET form, which a crawl does not submit): advice first, then home devices. */
const finderSeed = '/finder?concern=stretchMarks&area=body&experience=firstTime&setting=home'
/** Enough for this site many times over; a crawl that grows past it is following a link trap. */
const maxPages = 300

interface CrawledPage {
  path: string
  status: number | null
  facts: PageFacts
  problems: string[]
  violations: Result[]
  errors: string[]
  headers: Record<string, string>
  styles: PageStyles
}

/** The CSS a page carries in its HTML, and the classes of two components only some pages show. */
interface PageStyles {
  inlined: string
  componentClasses: Record<string, string[]>
}

/** Components whose styles a page without them must not carry (by data-testid). */
const styledComponents = ['comparison-table', 'device-list']

let site: RunningSite
let browser: Browser
const crawled: CrawledPage[] = []
const partnerPaths = new Map<string, string>()

/** The key a page is visited under: path and query, without the fragment (/about#x is /about). */
function pageKey(url: URL): string {
  return `${url.pathname}${url.search}`
}

async function visit(page: Page, errors: string[], path: string): Promise<CrawledPage> {
  errors.length = 0
  const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' })
  const facts = await readPageFacts(page)
  const notFound = notFoundSeeds.includes(path)
  const problems = rulesProblems(facts, { origin: site.url, notFound })
  const violations = await runAxe(page)
  const headers = (await response?.allHeaders()) ?? {}
  const styles = await page.evaluate(
    (testIds): PageStyles => ({
      inlined: [...document.querySelectorAll('style')].map((style) => style.textContent ?? '').join('\n'),
      componentClasses: Object.fromEntries(
        testIds.map((id) => [id, [...(document.querySelector(`[data-testid="${id}"]`)?.classList ?? [])]]),
      ),
    }),
    styledComponents,
  )
  return { path, status: response?.status() ?? null, facts, problems, violations, errors: [...errors], headers, styles }
}

beforeAll(async () => {
  ;[site, browser] = await Promise.all([startSite(), launchBrowser()])
  const context: BrowserContext = await browser.newContext({ viewport: phoneViewport, deviceScaleFactor: 1 })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  // Anything the Content-Security-Policy blocks is an error: the policy must fit the pages.
  await page.exposeFunction('reportCspViolation', (text: string) => errors.push(`CSP blocked: ${text}`))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation
      report(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })

  const queue = ['/', comparisonSeed, finderSeed, ...notFoundSeeds]
  const seen = new Set(queue)
  while (queue.length > 0) {
    if (crawled.length >= maxPages)
      throw new Error(`the crawl passed ${maxPages} pages: is a link generating endless URLs?`)
    const path = queue.shift()!
    const result = await visit(page, errors, path)
    crawled.push(result)
    for (const target of result.facts.targets) {
      if (target.kind !== 'a') continue
      const url = new URL(target.url)
      if (url.origin !== site.url) continue
      const key = pageKey(url)
      if (url.pathname.startsWith('/go/')) {
        if (!partnerPaths.has(key)) partnerPaths.set(key, path)
        continue
      }
      // As a search engine does: the compare finder's add links make every set of devices a page.
      if (target.nofollow) continue
      if (!seen.has(key)) {
        seen.add(key)
        queue.push(key)
      }
    }
  }
  await context.close()
  console.info(
    `[crawl] ${crawled.length} pages crawled from / at 390x844; ${partnerPaths.size} distinct partner links found`,
  )
}, 480_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

/** The text of a page's <main>, without JavaScript: tags removed, white space folded. */
function mainTextOf(html: string): string {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(html)?.[1] ?? ''
  return main
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** One line per page that broke a rule, so the failure message is the to-do list. */
function report(lines: string[]): string {
  return `${lines.length} problem(s):\n${lines.join('\n')}`
}

describe('crawl from /', () => {
  it('reaches every kind of page (the count is printed as "[crawl] N pages")', () => {
    const paths = crawled.map((page) => page.path)
    // Not a fixed number (content changes it), but the crawl must have found every kind of page.
    for (const pattern of [
      /^\/$/,
      /^\/devices$/,
      /^\/devices\/[^/?]+$/,
      /^\/compare\/[^/?]+$/,
      /^\/compare\?devices=/,
      /^\/guides\/[^/?]+$/,
      /^\/best\/[^/?]+$/,
      /^\/best$/,
      /^\/finder$/,
      /^\/finder\?concern=/,
      /^\/about$/,
      /^\/disclosure$/,
    ]) {
      expect(
        paths.some((path) => pattern.test(path)),
        `no crawled page matches ${pattern}`,
      ).toBe(true)
    }
    expect(partnerPaths.size).toBeGreaterThan(0)
  })

  it('every page answers 200, and the not-found pages the site 404 page', () => {
    const lines = crawled.flatMap((page) => {
      const expected = notFoundSeeds.includes(page.path) ? 404 : 200
      return page.status === expected
        ? []
        : [`${page.path}: ${page.status}, expected ${expected} (linked from a crawled page)`]
    })
    for (const path of notFoundSeeds) {
      const page = crawled.find((candidate) => candidate.path === path)!
      if (page.facts.h1Texts[0] !== 'We could not find that page')
        lines.push(`${path}: not the site's 404 page (h1 ${page.facts.h1Texts.join(' | ')})`)
    }
    expect(lines, report(lines)).toEqual([])
  })

  it('every page keeps the rules: disclosure first, marked partner links, caveats, disclaimer, one h1, canonical', () => {
    const lines = crawled.flatMap((page) => page.problems.map((problem) => `${page.path}: ${problem}`))
    expect(lines, report(lines)).toEqual([])
  })

  it('every page passes axe-core (WCAG 2.2 AA)', () => {
    const lines = crawled.flatMap((page) =>
      page.violations.length === 0
        ? []
        : [`${page.path}:\n  ${describeViolations(page.violations).split('\n').join('\n  ')}`],
    )
    expect(lines, report(lines)).toEqual([])
  })

  it('a page carries only the styles of what it shows: no comparison table or device grid CSS on a route without one', () => {
    for (const component of styledComponents) {
      const className = crawled.flatMap((page) => page.styles.componentClasses[component] ?? [])[0]
      expect(className, `no crawled page shows ${component}`).toBeDefined()
      const selector = new RegExp(`\\.${className}(?![\\w-])`)
      expect(
        crawled.some((page) => selector.test(page.styles.inlined)),
        `${className} styles are inlined`,
      ).toBe(true)
      const shows = (page: CrawledPage) => (page.styles.componentClasses[component] ?? []).length > 0
      // A route's styles are fixed when it is built, so another view of a route that shows it may carry them.
      const routesShowing = new Set(crawled.filter(shows).map((page) => page.path.split('?')[0]))
      const without = crawled.filter((page) => !routesShowing.has(page.path.split('?')[0]))
      expect(without.length, `almost every crawled route shows ${component}`).toBeGreaterThan(3)
      const carrying = without.filter((page) => selector.test(page.styles.inlined)).map((page) => page.path)
      expect(carrying, `pages without ${component} that carry its CSS`).toEqual([])
    }
  })

  it('no page logs a JavaScript error', () => {
    // The not-found seeds log the browser's own "Failed to load resource: 404" for themselves.
    const lines = crawled.flatMap((page) =>
      page.errors
        .filter((error) => !(notFoundSeeds.includes(page.path) && /status of 404/.test(error)))
        .map((error) => `${page.path}: ${error}`),
    )
    expect(lines, report(lines)).toEqual([])
  })

  it('every page carries the security headers (CSP, HSTS, nosniff, Referrer-Policy, Permissions-Policy)', () => {
    const lines = crawled.flatMap((page) =>
      securityHeaderProblems(page.headers).map((problem) => `${page.path}: ${problem}`),
    )
    expect(lines, report(lines)).toEqual([])
  })

  it('so do partner redirects, scripts, the sitemap, robots.txt and the API routes', async () => {
    const home = await (await fetch(site.url)).text()
    const script = /<script[^>]+src="(\/_next\/static\/[^"]+)"/.exec(home)?.[1]
    const paths = [[...partnerPaths.keys()][0]!, '/sitemap.xml', '/robots.txt', '/api/draft-mode/disable', script]
    const lines: string[] = []
    for (const path of paths) {
      expect(path, 'a path to check').toBeTruthy()
      const response = await fetch(new URL(path!, site.url), { method: 'HEAD', redirect: 'manual' })
      lines.push(
        ...securityHeaderProblems(Object.fromEntries(response.headers)).map((problem) => `${path}: ${problem}`),
      )
    }
    expect(lines, report(lines)).toEqual([])
  })

  it('pages with partner links were crawled, and every page with one shows the disclosure first', () => {
    // Guards the rule check above against passing on a site that quietly lost its partner links.
    const withPartnerLinks = crawled.filter((page) => page.facts.partnerLinks.length > 0)
    expect(withPartnerLinks.length).toBeGreaterThanOrEqual(10)
    for (const page of withPartnerLinks) expect(page.facts.disclosure?.precedesFirstPartnerLink, page.path).toBe(true)
  })

  // vercel/next.js#62228: a page that calls notFound() while rendering on demand answers 404 with an
  // empty HTML shell that only the browser's JavaScript fills in. So unknown slugs never reach the
  // page: the proxy answers them with the prebuilt not-found page (web/src/lib/routing/knownPaths.ts).
  it('unknown devices, comparisons and guides answer the full 404 page without JavaScript', async () => {
    const reference = await fetch(`${site.url}/this-page-does-not-exist`)
    expect(reference.status).toBe(404)
    const expectedText = mainTextOf(await reference.text())
    expect(expectedText).toMatch(/^We could not find that page The link may be old/)
    const lines: string[] = []
    for (const path of [
      '/devices/no-such-device',
      '/compare/no-such-comparison',
      '/guides/no-such-guide',
      '/best/no-such-guide',
      '/devices/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      `/guides/${'a'.repeat(300)}`,
    ]) {
      const response = await fetch(`${site.url}${path}`)
      const text = mainTextOf(await response.text())
      if (response.status !== 404 || text !== expectedText)
        lines.push(`${path}: ${response.status}, main text "${text.slice(0, 120)}"`)
    }
    expect(lines, report(lines)).toEqual([])
  })

  it('every partner link found answers 302 to its stored https URL on a host its partner allows', async () => {
    const offers = new Map(expectedOffers().map((offer) => [offer.goPath, offer]))
    const lines: string[] = []
    for (const [path, foundOn] of partnerPaths) {
      // The query only says which kind of page the link is on, for the click reports.
      const [pathname, query = ''] = path.split('?')
      const offer = offers.get(pathname!)
      if (!offer) {
        lines.push(`${path} (on ${foundOn}): names no offer in the dataset`)
        continue
      }
      const from = new URLSearchParams(query).get('from')
      if (from !== pageKindOf(foundOn)) {
        lines.push(`${path} (on ${foundOn}): says it is on a "${from}" page, not a "${pageKindOf(foundOn)}" page`)
      }
      // HEAD: the site answers it like GET but does not count it as a click.
      const response = await fetch(`${site.url}${path}`, { method: 'HEAD', redirect: 'manual' })
      const location = response.headers.get('location') ?? ''
      let host = ''
      let protocol = ''
      try {
        ;({ hostname: host, protocol } = new URL(location))
      } catch {
        // Reported below.
      }
      const hostAllowed = offer.partner.allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))
      if (response.status !== 302 || protocol !== 'https:' || !hostAllowed || location !== offer.target) {
        lines.push(`${path} (on ${foundOn}): ${response.status} to "${location}", expected 302 to ${offer.target}`)
      }
    }
    expect(lines, report(lines)).toEqual([])
  })
})

/** The kind of page a path is, as the site's partner links name it for the click reports. */
function pageKindOf(path: string): string | null {
  const pathname = path.split('?')[0]!
  if (pathname === '/') return 'home'
  if (pathname.startsWith('/devices/')) return 'device'
  if (pathname === '/devices') return 'list'
  if (pathname.startsWith('/compare/')) return 'comparison'
  if (pathname === '/compare') return 'compare'
  if (pathname.startsWith('/guides/') || pathname.startsWith('/best/')) return 'guide'
  return null
}
