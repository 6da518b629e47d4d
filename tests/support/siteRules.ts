import type { Page } from 'playwright-core'
import { isPartnerHost } from './partnerOffers.ts'
import { sampleDocuments, slugOf } from './sampleDataset.ts'

/**
 * The site's rules (CONTRIBUTING.md, "The rules the site never breaks") as checks on one rendered
 * page. Each check returns the problems it found, in words, instead of throwing, so a crawl can
 * report every broken rule on every page at once.
 *
 * How the checks find things:
 * - the short affiliate disclosure: `[data-testid="affiliate-disclosure"]`;
 * - partner links: every `a[href^="/go/"]` (PartnerLink renders nothing else that way);
 * - a home device shown on the page: an element marked `data-intended-use="home"` (device cards,
 *   comparison columns, a device's own page, a device chosen in the compare tool), or, as a safety
 *   net for markup that forgot the marker, a link to the page of a device the dataset says is for
 *   home use;
 * - the caveats: `[data-testid="home-device-caveats"]`, holding every caveat statement from the
 *   site settings;
 * - the medical disclaimer: `[data-testid="medical-disclaimer"]`, holding the settings' text.
 */

const siteSettings = sampleDocuments.find((document) => document._id === 'siteSettings')
if (!siteSettings) throw new Error('the sample dataset has no siteSettings document')

export interface SiteCopy {
  disclosureShort: string
  caveatStatements: string[]
  medicalDisclaimer: string
  /** Slugs of the devices whose intendedUse is "home". */
  homeDeviceSlugs: ReadonlySet<string>
}

/** What the sample dataset says the pages must carry. */
export const sampleCopy: SiteCopy = {
  disclosureShort: siteSettings.affiliateDisclosureShort as string,
  caveatStatements: (siteSettings.homeDeviceCaveats as { statement: string }[]).map((caveat) => caveat.statement),
  medicalDisclaimer: siteSettings.medicalDisclaimer as string,
  homeDeviceSlugs: new Set(
    sampleDocuments
      .filter((document) => document._type === 'device' && document.intendedUse === 'home')
      .map((document) => slugOf(document)),
  ),
}

interface Box {
  top: number
  bottom: number
  left: number
  right: number
  width: number
  height: number
}

export interface PageFacts {
  url: string
  viewport: { width: number; height: number }
  h1Texts: string[]
  canonicals: string[]
  robots: string | null
  /** Every link and form target on the page, as the browser resolved it. */
  targets: { kind: string; url: string; text: string; nofollow: boolean }[]
  /** Every absolute URL in the page's JSON-LD (search engines follow these as well). */
  structuredDataUrls: string[]
  partnerLinks: { href: string; rel: string; text: string; cue: string | null; cueProblem: string | null }[]
  disclosure: null | {
    count: number
    text: string
    box: Box
    /** Whether the element in the middle of the disclosure's box is the disclosure (nothing sticky covers it). */
    onTop: boolean
    visible: boolean
    disclosureHrefs: string[]
    /** Null without partner links; true when the disclosure comes before the first one in document order. */
    precedesFirstPartnerLink: boolean | null
  }
  intendedUseMarkers: string[]
  caveats: null | { text: string; visible: boolean }
  medicalDisclaimer: null | { text: string; visible: boolean }
}

/** Reads what the rules are about from the page, in one round trip. */
export function readPageFacts(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    const boxOf = (element: Element) => {
      const rect = element.getBoundingClientRect()
      return {
        top: rect.top,
        bottom: rect.bottom,
        left: rect.left,
        right: rect.right,
        width: rect.width,
        height: rect.height,
      }
    }
    const visible = (element: Element) =>
      element.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }) &&
      element.getBoundingClientRect().width > 0 &&
      element.getBoundingClientRect().height > 0
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

    /**
     * Why the "affiliate" cue inside a partner link cannot be seen, or null when it can: it must be
     * rendered, at least 2 px in each direction, readable size, and not clipped away the way
     * visually-hidden text is.
     */
    const cueProblemOf = (link: Element, cue: Element): string | null => {
      if (!visible(cue)) return 'not rendered'
      const box = cue.getBoundingClientRect()
      if (box.width < 2 || box.height < 2) return `only ${box.width}x${box.height} px`
      for (let element: Element | null = cue; element; element = element === link ? null : element.parentElement) {
        const style = getComputedStyle(element)
        if (style.clip !== 'auto' && style.position === 'absolute') return `clipped by ${style.clip}`
        if (style.clipPath !== 'none') return `clipped by clip-path ${style.clipPath}`
        if (parseFloat(style.fontSize) < 9) return `font size ${style.fontSize}`
      }
      return null
    }

    const partnerAnchors = [...document.querySelectorAll('a[href^="/go/"]')]
    const partnerLinks = partnerAnchors.map((link) => {
      // The innermost element whose own text says "affiliate".
      const candidates = [link, ...link.querySelectorAll('*')].filter((element) =>
        [...element.childNodes].some(
          (node) => node.nodeType === Node.TEXT_NODE && /affiliate/i.test(node.textContent ?? ''),
        ),
      )
      const cue = candidates.at(-1) ?? null
      return {
        href: link.getAttribute('href') ?? '',
        rel: link.getAttribute('rel') ?? '',
        text: squash(link.textContent ?? ''),
        cue: cue ? squash(cue.textContent ?? '') : null,
        cueProblem: cue ? cueProblemOf(link, cue) : 'no text saying "affiliate"',
      }
    })

    const disclosures = [...document.querySelectorAll('[data-testid="affiliate-disclosure"]')]
    const first = disclosures[0]
    let disclosure = null
    if (first) {
      const box = boxOf(first)
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      const firstPartnerLink = partnerAnchors[0]
      disclosure = {
        count: disclosures.length,
        text: squash(first.textContent ?? ''),
        box,
        onTop: hit !== null && first.contains(hit),
        visible: visible(first),
        disclosureHrefs: [...first.querySelectorAll('a[href]')].map((link) => (link as HTMLAnchorElement).href),
        precedesFirstPartnerLink: firstPartnerLink
          ? !first.contains(firstPartnerLink) &&
            Boolean(first.compareDocumentPosition(firstPartnerLink) & Node.DOCUMENT_POSITION_FOLLOWING)
          : null,
      }
    }

    const section = (selector: string) => {
      const element = document.querySelector(selector)
      return element ? { text: squash(element.textContent ?? ''), visible: visible(element) } : null
    }

    return {
      url: location.href,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      h1Texts: [...document.querySelectorAll('h1')].map((heading) => squash(heading.textContent ?? '')),
      canonicals: [...document.querySelectorAll('link[rel="canonical"]')].map(
        (link) => link.getAttribute('href') ?? '',
      ),
      robots: document.querySelector('meta[name="robots"]')?.getAttribute('content') ?? null,
      targets: [
        ...[...document.querySelectorAll('a[href], area[href]')].map((link) => ({
          kind: link.tagName.toLowerCase(),
          url: (link as HTMLAnchorElement).href,
          text: squash(link.textContent ?? '').slice(0, 60),
          nofollow: (link.getAttribute('rel') ?? '').split(/\s+/).includes('nofollow'),
        })),
        ...[...document.querySelectorAll('form')].map((form) => ({
          kind: 'form',
          url: form.action,
          text: '',
          nofollow: false,
        })),
      ],
      structuredDataUrls: [...document.querySelectorAll('script[type="application/ld+json"]')].flatMap(
        (script) => (script.textContent ?? '').match(/https?:\/\/[^"\s]+/g) ?? [],
      ),
      partnerLinks,
      disclosure,
      intendedUseMarkers: [...document.querySelectorAll('main [data-intended-use]')].map(
        (element) => element.getAttribute('data-intended-use') ?? '',
      ),
      caveats: section('[data-testid="home-device-caveats"]'),
      medicalDisclaimer: section('[data-testid="medical-disclaimer"]'),
    }
  })
}

export type PageKind = 'device' | 'compare' | 'guide' | 'finder' | 'other'

export function pageKind(pathname: string): PageKind {
  if (/^\/devices\/[^/]+\/?$/.test(pathname)) return 'device'
  if (/^\/compare(\/[^/]+)?\/?$/.test(pathname)) return 'compare'
  // Explainers and best-for guides alike: both make health claims, so both carry the disclaimer.
  if (/^\/(guides|best)\/[^/]+\/?$/.test(pathname)) return 'guide'
  // The finder says which devices suit a skin concern, and when a clinic is the honest answer.
  if (/^\/finder\/?$/.test(pathname)) return 'finder'
  return 'other'
}

/** The slugs of home devices whose pages this page links to (from the page's own links). */
export function linkedHomeDevices(facts: PageFacts, origin: string, copy: SiteCopy = sampleCopy): string[] {
  const slugs = new Set<string>()
  for (const target of facts.targets) {
    if (target.kind !== 'a') continue
    const url = new URL(target.url)
    const match = /^\/devices\/([^/]+)\/?$/.exec(url.pathname)
    if (url.origin === origin && match && copy.homeDeviceSlugs.has(decodeURIComponent(match[1]!)))
      slugs.add(decodeURIComponent(match[1]!))
  }
  return [...slugs]
}

/** Whether the page shows a home device: a marked element, or a link to a home device's page. */
export function showsHomeDevice(facts: PageFacts, origin: string, copy: SiteCopy = sampleCopy): boolean {
  return facts.intendedUseMarkers.includes('home') || linkedHomeDevices(facts, origin, copy).length > 0
}

export interface RuleOptions {
  /** The site's origin; links elsewhere are external. */
  origin: string
  copy?: SiteCopy
  /** The not-found page: no canonical (it must not claim a URL), but noindex instead. */
  notFound?: boolean
}

/** Rules 1-4 and the page basics (one h1, an absolute canonical), for one page. */
export function rulesProblems(facts: PageFacts, options: RuleOptions): string[] {
  const copy = options.copy ?? sampleCopy
  const problems: string[] = []
  const pageUrl = new URL(facts.url)
  const kind = pageKind(pageUrl.pathname)

  // 1. Disclosure first.
  if (facts.partnerLinks.length > 0) {
    const disclosure = facts.disclosure
    if (!disclosure) {
      problems.push(`has ${facts.partnerLinks.length} partner link(s) but no affiliate disclosure`)
    } else {
      if (!disclosure.text.includes(copy.disclosureShort))
        problems.push(`the disclosure does not say the editors' text: "${disclosure.text}"`)
      if (disclosure.precedesFirstPartnerLink !== true)
        problems.push('the disclosure does not come before the first partner link in document order')
      if (!disclosure.visible) problems.push('the disclosure is not visible')
      if (facts.viewport.width !== 390 || facts.viewport.height !== 844) {
        problems.push(
          `the disclosure's position was checked at ${facts.viewport.width}x${facts.viewport.height}, not 390x844`,
        )
      } else if (disclosure.box.top < 0 || disclosure.box.bottom > 844) {
        problems.push(
          `the disclosure is not within the first screen on a phone: top ${Math.round(disclosure.box.top)}, bottom ${Math.round(disclosure.box.bottom)} of 844 px`,
        )
      } else if (!disclosure.onTop) problems.push('something covers the disclosure')
      if (
        !disclosure.disclosureHrefs.some(
          (href) => new URL(href).origin === options.origin && new URL(href).pathname === '/disclosure',
        )
      ) {
        problems.push('the disclosure does not link to /disclosure')
      }
    }
  }

  // 2. Partner links are marked.
  for (const link of facts.partnerLinks) {
    const rel = new Set(link.rel.toLowerCase().split(/\s+/))
    const missing = ['sponsored', 'nofollow', 'noopener'].filter((token) => !rel.has(token))
    if (missing.length > 0)
      problems.push(`partner link ${link.href} has rel="${link.rel}", missing ${missing.join(', ')}`)
    if (link.cueProblem)
      problems.push(`partner link ${link.href} ("${link.text}") has no visible affiliate cue: ${link.cueProblem}`)
  }
  // ...and only ever go through /go/.
  for (const target of facts.targets) {
    let url: URL
    try {
      url = new URL(target.url)
    } catch {
      continue
    }
    if (isPartnerHost(url.hostname)) {
      problems.push(
        `${target.kind === 'form' ? 'a form' : `a link ("${target.text}")`} points straight at a partner: ${target.url}`,
      )
    }
  }
  for (const address of facts.structuredDataUrls) {
    if (URL.canParse(address) && isPartnerHost(new URL(address).hostname))
      problems.push(`the JSON-LD points straight at a partner: ${address}`)
  }

  // 3. Home devices come with their caveats.
  if (showsHomeDevice(facts, options.origin, copy)) {
    if (!facts.caveats) {
      const linked = linkedHomeDevices(facts, options.origin, copy)
      problems.push(
        `shows a home device (${facts.intendedUseMarkers.includes('home') ? 'marked data-intended-use="home"' : `links to ${linked.join(', ')}`}) without the home-device caveats`,
      )
    } else {
      if (!facts.caveats.visible) problems.push('the home-device caveats are not visible')
      const missing = copy.caveatStatements.filter((statement) => !facts.caveats!.text.includes(statement))
      if (missing.length > 0) problems.push(`the home-device caveats leave out: ${missing.join(' | ')}`)
    }
  }

  // 4. A medical disclaimer on device, compare, guide and finder pages.
  if (kind !== 'other' && !options.notFound) {
    if (!facts.medicalDisclaimer) problems.push(`a ${kind} page without the medical disclaimer`)
    else {
      if (!facts.medicalDisclaimer.visible) problems.push('the medical disclaimer is not visible')
      if (!facts.medicalDisclaimer.text.includes(copy.medicalDisclaimer))
        problems.push("the medical disclaimer does not say the editors' text")
    }
  }

  // Page basics.
  if (facts.h1Texts.length !== 1)
    problems.push(`has ${facts.h1Texts.length} h1 elements (${facts.h1Texts.join(' | ')}), not exactly one`)
  else if (facts.h1Texts[0] === '') problems.push('the h1 is empty')
  if (options.notFound) {
    if (facts.canonicals.length > 0)
      problems.push(`the not-found page claims a canonical URL: ${facts.canonicals.join(', ')}`)
    if (!/noindex/i.test(facts.robots ?? ''))
      problems.push(`the not-found page is not noindex (robots: ${facts.robots})`)
  } else if (facts.canonicals.length !== 1) {
    problems.push(`has ${facts.canonicals.length} canonical links, not one`)
  } else {
    const canonical = facts.canonicals[0]!
    // Absolute: a scheme and a host of its own, so it means the same page wherever it is read.
    if (!/^https?:\/\/[^/?#]+/.test(canonical)) problems.push(`the canonical link is not an absolute URL: ${canonical}`)
    else if (new URL(canonical).pathname !== pageUrl.pathname) {
      // Filtered and comparison views may point at their plain page, but never at another page.
      problems.push(`the canonical link names another page: ${canonical}`)
    }
  }
  return problems
}

/**
 * The security headers every response carries (web/src/lib/security/securityHeaders.ts), judged on what a
 * browser enforces: a CSP without plugins, base or form hijacks, framing only by this site and
 * `studioOrigin`, and no script from anywhere but this origin (plus the framework's inline ones).
 */
export function securityHeaderProblems(
  headers: Record<string, string>,
  options: { studioOrigin?: string; production?: boolean } = {},
): string[] {
  const problems: string[] = []
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
  const csp = lower['content-security-policy']
  if (!csp) problems.push('no Content-Security-Policy')
  else {
    const directives = new Map(
      csp
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name!.toLowerCase(), values]),
    )
    const expect = (name: string, values: string[]) => {
      const actual = directives.get(name)
      if (!actual || actual.join(' ') !== values.join(' '))
        problems.push(`CSP ${name} is "${actual?.join(' ') ?? '(missing)'}", expected "${values.join(' ')}"`)
    }
    expect('default-src', ["'self'"])
    expect('object-src', ["'none'"])
    expect('base-uri', ["'self'"])
    expect('form-action', ["'self'"])
    expect('frame-ancestors', ["'self'", ...(options.studioOrigin ? [options.studioOrigin] : [])])
    const scripts = directives.get('script-src') ?? []
    const foreign = scripts.filter((source) => !["'self'", "'unsafe-inline'"].includes(source))
    if (!scripts.includes("'self'") || foreign.length > 0)
      problems.push(`CSP script-src allows more than this origin: "${scripts.join(' ')}"`)
  }
  if (lower['x-content-type-options'] !== 'nosniff')
    problems.push(`X-Content-Type-Options is ${lower['x-content-type-options']}`)
  if (lower['referrer-policy'] !== 'strict-origin-when-cross-origin')
    problems.push(`Referrer-Policy is ${lower['referrer-policy']}`)
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) {
    if (!lower['permissions-policy']?.split(/,\s*/).includes(feature))
      problems.push(`Permissions-Policy does not deny ${feature}`)
  }
  if (options.production !== false && !/^max-age=\d{8,}/.test(lower['strict-transport-security'] ?? ''))
    problems.push(`Strict-Transport-Security is ${lower['strict-transport-security']}`)
  return problems
}
