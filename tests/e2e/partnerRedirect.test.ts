import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyOfSample, documentById, writeDataset } from '../support/datasetFixtures.ts'
import { type ExpectedOffer, expectedOffers } from '../support/partnerOffers.ts'
import { type RunningSite, startSite } from '../support/site.ts'

/**
 * /go/<device>/<offer> over plain HTTP (no browser): the only way partner URLs leave the site. It
 * must answer 302 to exactly the URL stored for the offer (with the partner's tracking parameter),
 * and nothing in the request (query, path tricks, headers) may change where it goes. Unknown
 * offers, and offers whose stored URL breaks their partner's rules, get the site's 404 page.
 *
 * web/test/partnerRedirect.test.ts covers the redirect function on its own; this covers the real
 * request path through `next start` (proxy.ts, Next's own path handling, the fall-through page).
 *
 * The server reads a dataset derived from the sample with a few offers added that break the rules
 * (the /go/ proxy and its fall-through page read content when asked, so the shared build serves it).
 */

/** Offers added to the sample whose stored URL /go/ must refuse. */
const refusedOffers = [
  {
    key: 'refused-lookalike-host',
    url: 'https://shop.example.com.evil.example/products/luma-titanium-roller-025',
    why: 'a host that only starts like the allowed one',
  },
  {
    key: 'refused-userinfo',
    url: 'https://shop.example.com@evil.example/products/luma-titanium-roller-025',
    why: 'the allowed host as user info before another host',
  },
  {
    key: 'refused-plain-http',
    url: 'http://shop.example.com/products/luma-titanium-roller-025',
    why: 'http, not https',
  },
  {
    key: 'refused-other-partners-host',
    url: 'https://www.dermamart.example/p/luma-titanium-roller-0-25mm',
    why: "another partner's host",
  },
] as const
const refusedOn = 'luma-titanium-roller-025'

const offers = expectedOffers()
const tracked = offers.find((offer) => offer.partner.trackingParameter)!
const untracked = offers.find((offer) => !offer.partner.trackingParameter)!
const notFoundHeading = 'We could not find that page'

let site: RunningSite

beforeAll(async () => {
  const documents = copyOfSample()
  const device = documentById(documents, `device-${refusedOn}`)
  const anOffer = (device.offers as { partner: unknown }[])[0]!
  device.offers = [
    ...(device.offers as object[]),
    ...refusedOffers.map((offer) => ({
      ...anOffer,
      _key: offer.key,
      url: offer.url,
      partner: { _type: 'reference', _ref: 'partner-glow-supply' },
    })),
  ]
  const datasetPath = await writeDataset('partner-redirects', documents)
  site = await startSite({ env: { CONTENT_DATASET: datasetPath } })
})
afterAll(async () => {
  await site?.close()
})

interface Answer {
  status: number
  location: string | undefined
  cacheControl: string | undefined
  body: string
}

/** One request exactly as given: the path is sent as-is (no normalising), headers as set. */
function send(path: string, options: { method?: string; headers?: OutgoingHttpHeaders } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: site.port, path, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            cacheControl: response.headers['cache-control'],
            body,
          }),
        )
      },
    )
    request.on('error', reject)
    request.end()
  })
}

/**
 * Sends the request and follows redirects that stay on the site (Next tidies slashes with a 308),
 * checking each one really stays here: a path, never `//host` or `/\host`. Returns the answer that
 * ends it: a redirect off the site, or a page.
 */
async function outcome(path: string, headers: OutgoingHttpHeaders = {}): Promise<Answer & { via: string[] }> {
  const via: string[] = []
  let current = path
  for (let hop = 0; hop < 5; hop += 1) {
    const answer = await send(current, { headers })
    const location = answer.location
    if (answer.status < 300 || answer.status >= 400 || location === undefined) return { ...answer, via }
    const staysHere = /^\/(?![/\\])/.test(location) || new URL(location, site.url).origin === site.url
    if (!staysHere) return { ...answer, via }
    via.push(`${answer.status} ${location}`)
    current = new URL(location, site.url).pathname + new URL(location, site.url).search
  }
  throw new Error(`${path}: more than 5 redirects on the site (${via.join(' -> ')})`)
}

function expectRedirectTo(answer: Answer, offer: ExpectedOffer, what: string) {
  expect({ status: answer.status, location: answer.location }, what).toEqual({ status: 302, location: offer.target })
}

function expectNotFoundPage(answer: Answer, what: string) {
  expect(answer.status, what).toBe(404)
  expect(answer.location, what).toBeUndefined()
  expect(answer.body, what).toContain(`<h1>${notFoundHeading}</h1>`)
}

describe('/go/<device>/<offer> for every offer in the sample', () => {
  it(`answers 302 to exactly the stored URL with the partner's tracking parameter (${offers.length} offers)`, async () => {
    expect(offers.length).toBeGreaterThan(20)
    expect(offers.some((offer) => offer.partner.trackingParameter)).toBe(true)
    expect(offers.some((offer) => !offer.partner.trackingParameter)).toBe(true)
    for (const offer of offers) {
      const answer = await send(offer.goPath)
      expectRedirectTo(answer, offer, offer.goPath)
      expect(answer.cacheControl, offer.goPath).toMatch(/no-store/)
    }
  })

  it('answers HEAD the same way', async () => {
    for (const offer of [tracked, untracked])
      expectRedirectTo(await send(offer.goPath, { method: 'HEAD' }), offer, `HEAD ${offer.goPath}`)
  })
})

describe('nothing in the request changes the target', () => {
  const queries = [
    '?url=https://evil.example/',
    '?to=//evil.example',
    '?redirect=https%3A%2F%2Fevil.example%2F',
    '?next=/\\evil.example&continue=https://evil.example',
    '?url=https://evil.example/&to=https://evil.example/&redirect=https://evil.example/',
  ]

  it.each([tracked, untracked])('ignores query strings ($goPath)', async (offer) => {
    for (const query of queries) expectRedirectTo(await send(`${offer.goPath}${query}`), offer, query)
    // Nor can a visitor swap the partner's tracking parameter for their own.
    if (offer.partner.trackingParameter) {
      const { name } = offer.partner.trackingParameter
      expectRedirectTo(await send(`${offer.goPath}?${name}=someone-else`), offer, `?${name}=someone-else`)
    }
  })

  it.each([tracked, untracked])('ignores headers that point elsewhere ($goPath)', async (offer) => {
    const headerSets: OutgoingHttpHeaders[] = [
      { host: 'evil.example' },
      { 'x-forwarded-host': 'evil.example' },
      { 'x-forwarded-proto': 'http' },
      { referer: 'https://evil.example/page' },
      { forwarded: 'host=evil.example;proto=http' },
      { 'x-original-url': '/go/evil/evil', 'x-rewrite-url': '/go/evil/evil' },
      {
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'http',
        referer: 'https://evil.example/',
      },
    ]
    for (const headers of headerSets)
      expectRedirectTo(await send(offer.goPath, { headers }), offer, JSON.stringify(headers))
  })

  it('answers the 404 page for paths that only look like a partner link', async () => {
    const [, , device, key] = tracked.goPath.split('/') as [string, string, string, string]
    const paths = [
      `${tracked.goPath}/extra`,
      `${tracked.goPath}/https://evil.example`,
      `${tracked.goPath}/%2F%2Fevil.example`,
      `/go/${device}%2F${key}`,
      `/go/${device}/${key}%2F..%2F..%2Fevil.example`,
      `/go/${device}/${key}%2F`,
      `/go/${device}/${key};evil.example`,
      `/go/${device}/${key}%00`,
      `//evil.example${tracked.goPath}`,
      '/go//evil.example',
      '/go/%2F%2Fevil.example/x',
      '/go/%5C%5Cevil.example/x',
    ]
    for (const path of paths) {
      const answer = await outcome(path)
      expectNotFoundPage(answer, `${path}${answer.via.length ? ` (via ${answer.via.join(' -> ')})` : ''}`)
    }
  })

  it('answers uppercase variants with the 404 page or the stored URL, never anything else', async () => {
    const [, , device, key] = tracked.goPath.split('/') as [string, string, string, string]
    for (const path of [
      `/GO/${device}/${key}`,
      `/go/${device.toUpperCase()}/${key}`,
      `/go/${device}/${key.toUpperCase()}`,
    ]) {
      const answer = await outcome(path, { host: 'evil.example' })
      const what = `${path}${answer.via.length ? ` (via ${answer.via.join(' -> ')})` : ''}`
      if (answer.status === 302) expectRedirectTo(answer, tracked, what)
      else expectNotFoundPage(answer, what)
    }
  })

  it('leaves a path the server tidies to the real partner link going to the stored URL, never elsewhere', async () => {
    const [, , device, key] = tracked.goPath.split('/') as [string, string, string, string]
    for (const path of [
      `${tracked.goPath}/`,
      `/go/x/../${device}/${key}`,
      `/go/./${device}/${key}`,
      `/go/${device}//${key}`,
    ]) {
      const answer = await outcome(path, { host: 'evil.example', 'x-forwarded-host': 'evil.example' })
      expectRedirectTo(answer, tracked, `${path}${answer.via.length ? ` (via ${answer.via.join(' -> ')})` : ''}`)
    }
  })
})

describe('what /go/ refuses', () => {
  it('answers the site 404 page for an unknown device or offer key', async () => {
    const [, , device] = tracked.goPath.split('/') as [string, string, string, string]
    // A real offer key under another real device names nothing either.
    const otherDevice = offers.find((offer) => offer.deviceSlug !== tracked.deviceSlug)!.deviceSlug
    for (const path of [
      '/go/no-such-device/no-such-offer',
      `/go/${device}/no-such-offer`,
      `/go/no-such-device/${tracked.offerKey}`,
      `/go/${otherDevice}/${tracked.offerKey}`,
    ]) {
      expectNotFoundPage(await send(path), path)
    }
  })

  it.each(refusedOffers)(
    'answers the site 404 page for an offer whose stored URL breaks its partner rules: $why',
    async (offer) => {
      const path = `/go/${refusedOn}/${offer.key}`
      expectNotFoundPage(await send(path), path)
      const head = await send(path, { method: 'HEAD' })
      expect({ status: head.status, location: head.location }, `HEAD ${path}`).toEqual({
        status: 404,
        location: undefined,
      })
    },
  )

  it('still redirects the good offers of the device that has refused ones', async () => {
    for (const offer of offers.filter((candidate) => candidate.deviceSlug === refusedOn))
      expectRedirectTo(await send(offer.goPath), offer, offer.goPath)
  })
})
