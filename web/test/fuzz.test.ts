import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadDevice, loadDeviceListPage, loadGuideSummaries, loadOfferRedirect } from '@microneedling/content/loaders'
import { partnerRedirectUrl, partnerTargetProblem } from '@microneedling/content/partnerLinks'
import type { ContentSource } from '@microneedling/content/source/types'
import { encodeSignatureHeader } from '@sanity/webhook'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { sameSitePath } from '@/lib/content/previews'
import { parseGoPath } from '@/lib/partnerLinks/partnerRedirect'
import { usableOffers } from '@/lib/partnerLinks/usableOffers'
import { documentPage, isPlausibleSegment } from '@/lib/routing/knownPaths'
import { serializeJsonLd } from '@/lib/seo/jsonLd'
import { DeliveryLog } from '@/lib/webhooks/deliveryLog'
import { readSignedWebhook } from '@/lib/webhooks/signedWebhook'

/**
 * Properties of the modules that read outside input, over generated input (fixed seed, bounded
 * runs; FUZZ_RUNS and FUZZ_SEED vary them). tests/e2e/fuzz.test.ts does the same through HTTP.
 */

const runs = Number(process.env.FUZZ_RUNS ?? 300)
const seed = Number(process.env.FUZZ_SEED ?? 20261129)
const settings = { numRuns: runs, seed }

/** Strings weighted towards what breaks URLs: slashes, backslashes, controls, percent escapes. */
const urlish = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc
    .array(
      fc.constantFrom(
        '/',
        '\\',
        '%',
        '2f',
        '5c',
        '09',
        '0a',
        '25',
        '.',
        '..',
        ':',
        '@',
        '?',
        '#',
        'evil.example',
        'a',
        '\t',
        '\n',
        '\u2028',
        ' ',
        'https:',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
)

describe('sameSitePath', () => {
  it('answers a path that stays on the site from any origin, and is stable', () => {
    fc.assert(
      fc.property(urlish, (candidate) => {
        const path = sameSitePath(candidate)
        expect(path.startsWith('/')).toBe(true)
        expect(path.startsWith('//')).toBe(false)
        expect(/[\p{Cc}\\]/u.test(path)).toBe(false)
        for (const origin of ['https://site.example', 'http://127.0.0.1:3000'])
          expect(new URL(path, origin).origin).toBe(origin)
        expect(sameSitePath(path)).toBe(path)
      }),
      settings,
    )
  })
})

describe('readSignedWebhook', () => {
  const secret = 'whsec-fuzz-secret-0123456789'
  it('never throws on any body and headers, and refuses anything not signed with the secret', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 3 })),
        fc.option(fc.oneof(fc.string({ maxLength: 60 }), fc.constant('t=1764396000000,v1=abc')), { nil: undefined }),
        fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
        async (body, signature, idempotencyKey) => {
          const headers = new Headers()
          const sendable = (value: string) => /^[\u0020-\u007e]*$/.test(value)
          if (signature !== undefined && sendable(signature)) headers.set('sanity-webhook-signature', signature)
          if (idempotencyKey !== undefined && sendable(idempotencyKey)) headers.set('idempotency-key', idempotencyKey)
          const request = () => new Request('https://site.example/api/revalidate', { method: 'POST', body, headers })
          const now = Date.UTC(2026, 10, 29)
          const first = await readSignedWebhook(request(), {
            secret,
            deliveries: new DeliveryLog({ capacity: 10, rememberMs: 1000 }),
            now,
          })
          const again = await readSignedWebhook(request(), {
            secret,
            deliveries: new DeliveryLog({ capacity: 10, rememberMs: 1000 }),
            now,
          })
          expect(first.kind).toBe('refused')
          expect(again).toEqual(first)
        },
      ),
      { ...settings, numRuns: Math.ceil(runs / 3) },
    )
  })

  it('accepts a correctly signed JSON body once, whatever it holds, and then calls it a repeat', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 3 }), async (body) => {
        const now = Date.UTC(2026, 10, 29)
        const signature = await encodeSignatureHeader(body, now, secret)
        const deliveries = new DeliveryLog({ capacity: 10, rememberMs: 60_000 })
        const request = () =>
          new Request('https://site.example/api/revalidate', {
            method: 'POST',
            body,
            headers: { 'sanity-webhook-signature': signature },
          })
        const first = await readSignedWebhook(request(), { secret, deliveries, now })
        if (body.trim() === '') expect(first.kind).toBe('refused')
        else expect(first).toMatchObject({ kind: 'accepted', body: JSON.parse(body) })
        if (first.kind === 'accepted')
          expect(await readSignedWebhook(request(), { secret, deliveries, now })).toEqual({ kind: 'repeat' })
      }),
      { ...settings, numRuns: Math.ceil(runs / 3) },
    )
  })
})

describe('partner links', () => {
  const hostEntry = fc.oneof(
    fc.constantFrom(
      'example.com',
      'shop.example.com',
      'com',
      'co.uk',
      '*.example.com',
      'EXAMPLE.COM.',
      'example.com:443',
      '',
    ),
    fc.domain(),
  )
  const storedUrl = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    urlish.map((text) => `https://shop.example.com/${text}`),
    fc.constantFrom('https://shop.example.com:8443/p', 'javascript:alert(1)', 'https://user@shop.example.com/p'),
  )
  const tracking = fc.option(
    fc.record({
      name: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      value: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
    }),
    { nil: null },
  )

  it('redirect only to https on an allowed host, keeping the stored URL as its prefix, or refuse', () => {
    fc.assert(
      fc.property(
        storedUrl,
        fc.array(hostEntry, { maxLength: 3 }),
        tracking,
        (url, allowedHosts, trackingParameter) => {
          const target = { url, partner: { allowedHosts, trackingParameter } }
          const redirect = partnerRedirectUrl(target)
          expect(redirect === null).toBe(partnerTargetProblem(target) !== undefined)
          if (redirect === null) return
          const parsed = new URL(redirect)
          expect(parsed.protocol).toBe('https:')
          expect(parsed.port).toBe('')
          const host = parsed.hostname.replace(/\.$/, '')
          expect(
            allowedHosts.some((entry) => {
              const allowed = entry.trim().toLowerCase().replace(/\.$/, '').replace(/^\*\./, '')
              return allowed.includes('.') && (host === allowed || host.endsWith(`.${allowed}`))
            }),
          ).toBe(true)
          const stored = new URL(url)
          expect(parsed.origin + parsed.pathname).toBe(stored.origin + stored.pathname)
          expect(parsed.hash).toBe(stored.hash)
        },
      ),
      settings,
    )
  })

  it('/go/ path parsing and page paths never throw, and only plausible segments pass', () => {
    fc.assert(
      fc.property(urlish, urlish, (a, b) => {
        const parsed = parseGoPath(`/go/${a}/${b}`)
        if (parsed) expect(isPlausibleSegment(parsed.device) && isPlausibleSegment(parsed.offer)).toBe(true)
        const page = documentPage(`/devices/${a}`)
        if (page) expect(typeof page.slug).toBe('string')
      }),
      settings,
    )
  })
})

describe('dataset documents', () => {
  const sample = readFileSync(
    fileURLToPath(new URL('../../packages/content/sample/dataset.ndjson', import.meta.url)),
    'utf8',
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
  const device = sample.find((document) => document._type === 'device')!

  /** A source that answers every query with `raw`, as a Content Lake holding odd documents would. */
  const answering = (raw: unknown): ContentSource => ({ kind: 'embedded', fetch: async () => raw })

  it('any value in any field: loaders never throw, and leave out or degrade what fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...Object.keys(device), 'offers', 'brand', 'slug'),
          fc.jsonValue({ maxDepth: 2 }),
          async (field, value) => {
            const mutated = { ...device, slug: 'the-device', [field]: value }
            const listed = answering({ total: 1, catalogueSize: 1, devices: [mutated] })
            const summaries = (await loadDeviceListPage(listed, { sort: 'rating' }, 1)).devices
            expect(summaries.length).toBeLessThanOrEqual(1)
            const page = await loadDevice(answering(mutated), 'the-device')
            // One decision per document: listed means it has a page.
            if (summaries.length === 1) expect(page).not.toBeNull()
            if (summaries[0]) usableOffers(summaries[0].slug, summaries[0].offers, () => {})
            await loadGuideSummaries(answering([mutated]))
            await loadOfferRedirect(answering(value), 'the-device', 'o1')
          },
        ),
        settings,
      )
    } finally {
      warn.mockRestore()
    }
  })

  it('JSON-LD built from any text never closes its script element', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.string(), (value, text) => {
        const serialized = serializeJsonLd({ value, text })
        expect(serialized).not.toMatch(/[<>]/)
        expect(JSON.parse(serialized)).toEqual(JSON.parse(JSON.stringify({ value, text })))
      }),
      settings,
    )
  })
})
