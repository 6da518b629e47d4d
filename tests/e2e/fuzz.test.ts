import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectedOffers, isPartnerHost } from '../support/partnerOffers.ts'
import { type RunningSite, startSite } from '../support/site.ts'

/**
 * Generated requests against the built site, over the inputs anyone can send: /go/ paths, every
 * filter and compare parameter, the draft-mode routes, and webhook bodies and headers. For every
 * one: no 5xx; no Location off the site, except a stored partner URL on a host its partner allows;
 * no markup from the request echoed unescaped; and the same answer when asked twice.
 *
 * Runs are bounded (a fixed seed and number of runs per property) so the test command keeps its
 * time; FUZZ_RUNS and FUZZ_SEED widen or vary them locally.
 */

const runs = Number(process.env.FUZZ_RUNS ?? 60)
const seed = Number(process.env.FUZZ_SEED ?? 20261129)
const settings = { numRuns: runs, seed, endOnFailure: true }

/** Input that would be markup if echoed raw; the HTML must never contain it as is. */
const marker = '<x-fuzz-marker data-x="1">'

const offers = expectedOffers()
const partnerTargets = new Set(offers.map((offer) => offer.target))

let site: RunningSite

beforeAll(async () => {
  site = await startSite()
}, 120_000)
afterAll(async () => {
  await site?.close()
})

interface Answer {
  status: number
  location: string | null
  html: string
}

async function ask(path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(new URL(path, site.url), { redirect: 'manual', ...init })
  const type = response.headers.get('content-type') ?? ''
  const body = await response.text()
  return {
    status: response.status,
    location: response.headers.get('location'),
    html: type.includes('html') ? body : '',
  }
}

/** What a reader sees of a page, so two answers can be compared without build ids or scripts. */
function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The rules every answer must keep; returns what is wrong, in words. */
function problems(path: string, answer: Answer): string[] {
  const found: string[] = []
  if (answer.status >= 500) found.push(`${path}: ${answer.status}`)
  if (answer.location !== null) {
    const target = new URL(answer.location, site.url)
    const onSite = target.origin === new URL(site.url).origin
    const partner =
      partnerTargets.has(answer.location) && target.protocol === 'https:' && isPartnerHost(target.hostname)
    if (!onSite && !partner) found.push(`${path}: Location off the site: ${answer.location}`)
  }
  if (answer.html.includes(marker) || /<x-fuzz-marker/i.test(answer.html))
    found.push(`${path}: the request's markup appears unescaped in the HTML`)
  return found
}

async function checkTwice(path: string, init: () => RequestInit = () => ({})): Promise<void> {
  const first = await ask(path, init())
  const second = await ask(path, init())
  const wrong = [...problems(path, first), ...problems(path, second)]
  expect(wrong, wrong.join('\n')).toEqual([])
  expect({ status: second.status, location: second.location }, `${path}: a different answer the second time`).toEqual({
    status: first.status,
    location: first.location,
  })
  expect(visibleText(second.html), `${path}: a different page the second time`).toBe(visibleText(first.html))
}

/** Text a visitor could type, weighted towards what breaks URLs and HTML. */
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    marker,
    '"><script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '%2e%2e%2f',
    '//evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    '\t/evil.example',
    '%E0%A4%A',
    'a'.repeat(300),
    '-1',
    '1e308',
    'NaN',
    '0.25',
  ),
  fc.constantFrom(...offers.map((offer) => offer.deviceSlug), ...offers.map((offer) => offer.offerKey)),
)

/** A path segment: hostile text encoded, or raw escapes a browser would send as they are, malformed ones too. */
const pathSegment = fc.oneof(
  hostile.map((text) => encodeURIComponent(text)),
  fc.constantFrom('%E0%A4%A', '%', '%zz', '%00', '%2e%2e', '..', '.', '%2F', '%5C', 'a%20b', '%C0%AF'),
)

describe('fuzzing the public inputs', () => {
  it('/go/<device>/<offer>: a partner URL on an allowed host, or not found, never an error or elsewhere', async () => {
    await fc.assert(
      fc.asyncProperty(pathSegment, pathSegment, fc.boolean(), async (device, offer, head) => {
        await checkTwice(`/go/${device}/${offer}`, () => ({ method: head ? 'HEAD' : 'GET' }))
      }),
      settings,
    )
    // Known offers, with anything appended to the query: the target never changes.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...offers), hostile, async (offer, extra) => {
        const answer = await ask(
          `${offer.goPath}?redirect=${encodeURIComponent(extra)}&url=${encodeURIComponent(extra)}`,
        )
        expect(answer.status).toBe(302)
        expect(answer.location).toBe(offer.target)
      }),
      { ...settings, numRuns: Math.ceil(runs / 2) },
    )
  })

  it('device filters and sort: any parameters render a page, never an error, never echoing markup', async () => {
    const names = [
      'use',
      'form',
      'material',
      'concern',
      'minNeedle',
      'maxNeedle',
      'minPrice',
      'maxPrice',
      'sort',
      'page',
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 10 })), hostile), {
          maxLength: 6,
        }),
        async (pairs) => {
          const query = new URLSearchParams(pairs).toString()
          await checkTwice(`/devices?${query}`)
        },
      ),
      settings,
    )
  })

  it('compare selections: any devices parameter renders, never an error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { maxLength: 7 }), fc.boolean(), async (values, joined) => {
        const query = joined
          ? `devices=${values.map(encodeURIComponent).join(',')}`
          : values.map((value) => `devices=${encodeURIComponent(value)}`).join('&')
        await checkTwice(`/compare?${query}`)
      }),
      settings,
    )
  })

  it('document pages: any slug is a page or the not-found page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('devices', 'compare', 'guides'), pathSegment, async (section, slug) => {
        await checkTwice(`/${section}/${slug}`)
      }),
      settings,
    )
  })

  it('draft-mode routes: never a Location off the site, whatever the redirect parameter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/draft-mode/disable', '/api/draft-mode/enable'),
        hostile,
        hostile,
        async (route, redirect, secret) => {
          await checkTwice(
            `${route}?redirect=${encodeURIComponent(redirect)}&sanity-preview-secret=${encodeURIComponent(secret)}&sanity-preview-pathname=${encodeURIComponent(redirect)}`,
          )
        },
      ),
      settings,
    )
  })

  it('the revalidation webhook: any body and headers are refused without an error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 })),
        fc.option(fc.oneof(hostile, fc.constant('t=1764396000000,v1=bogus')), { nil: undefined }),
        fc.option(hostile, { nil: undefined }),
        async (body, signature, idempotencyKey) => {
          const headers: Record<string, string> = { 'content-type': 'application/json' }
          // Header values must be ISO-8859-1 without line breaks; anything else cannot be sent at all.
          const sendable = (value: string) => /^[\u0020-\u007e\u00a0-\u00ff]*$/.test(value)
          if (signature !== undefined && sendable(signature)) headers['sanity-webhook-signature'] = signature
          if (idempotencyKey !== undefined && sendable(idempotencyKey)) headers['idempotency-key'] = idempotencyKey
          const first = await ask('/api/revalidate', { method: 'POST', body, headers })
          const second = await ask('/api/revalidate', { method: 'POST', body, headers })
          expect(first.status).toBeLessThan(500)
          expect([401, 413]).toContain(first.status)
          expect(second.status).toBe(first.status)
        },
      ),
      settings,
    )
  })
})
