import { describe, expect, it } from 'vitest'
import { breadcrumbJsonLd, productJsonLd, serializeJsonLd } from '@/lib/seo/jsonLd'
import { makeDevice, makeOffer } from './support/devices'

const author = { _id: 'a1', name: 'Sam Ortiz', slug: 'sam-ortiz', role: 'writer' as const, credentials: undefined }
const device = {
  ...makeDevice({ name: 'Roller 0.25', slug: 'roller', rating: 7.4, pros: ['Light', 'Cheap'], cons: ['Drags'] }),
  lastReviewedAt: '2026-01-05',
  writer: author,
}
const go = (key: string) => `https://site.example/go/roller/${key}`

function build(offers: ReturnType<typeof makeOffer>[]) {
  return productJsonLd({
    device,
    pageUrl: 'https://site.example/devices/roller',
    offers: offers.map((offer) => ({ offer, url: go(offer.key) })),
    authorUrl: (person) => `https://site.example/about#author-${person.slug}`,
  }) as Record<string, any>
}

describe('productJsonLd', () => {
  it('describes the product, brand and our review', () => {
    const data = build([])
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Roller 0.25',
      brand: { '@type': 'Brand', name: 'Brand' },
      review: {
        '@type': 'Review',
        author: { '@type': 'Person', name: 'Sam Ortiz', url: 'https://site.example/about#author-sam-ortiz' },
        datePublished: '2026-01-05',
        reviewRating: { '@type': 'Rating', ratingValue: 7.4, bestRating: 10, worstRating: 0 },
        positiveNotes: {
          '@type': 'ItemList',
          itemListElement: [
            { '@type': 'ListItem', position: 1, name: 'Light' },
            { '@type': 'ListItem', position: 2, name: 'Cheap' },
          ],
        },
        negativeNotes: { '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', position: 1, name: 'Drags' }] },
      },
    })
    expect(data).not.toHaveProperty('offers')
  })

  it('gives one Offer with the /go/ URL and a schema.org availability', () => {
    const offer = makeOffer({ key: 'o1', price: 24.99, availability: 'limitedStock' })
    expect(build([offer]).offers).toEqual({
      '@type': 'Offer',
      price: '24.99',
      priceCurrency: 'GBP',
      availability: 'https://schema.org/LimitedAvailability',
      url: go('o1'),
      seller: { '@type': 'Organization', name: 'Shop' },
    })
  })

  it('gives an AggregateOffer when several shops sell it in one currency', () => {
    const offers = [makeOffer({ price: 29 }), makeOffer({ price: 27.5, availability: 'outOfStock' })]
    const aggregate = build(offers).offers
    expect(aggregate).toMatchObject({
      '@type': 'AggregateOffer',
      lowPrice: '27.50',
      highPrice: '29.00',
      offerCount: 2,
      priceCurrency: 'GBP',
    })
    expect(aggregate.offers[1].availability).toBe('https://schema.org/OutOfStock')
  })

  it('keeps one AggregateOffer when currencies differ: the range in pounds, each offer in its own currency', () => {
    const aggregate = build([
      makeOffer({ price: 29 }),
      makeOffer({ price: 35, currency: 'USD' }),
      makeOffer({ price: 27.5 }),
    ]).offers
    expect(aggregate).toMatchObject({
      '@type': 'AggregateOffer',
      lowPrice: '27.50',
      highPrice: '29.00',
      offerCount: 3,
      priceCurrency: 'GBP',
    })
    expect(aggregate.offers.map((offer: { priceCurrency: string }) => offer.priceCurrency)).toEqual([
      'GBP',
      'USD',
      'GBP',
    ])
  })

  it('uses the first currency for the range when no shop quotes pounds', () => {
    const aggregate = build([
      makeOffer({ price: 40, currency: 'USD' }),
      makeOffer({ price: 30, currency: 'EUR' }),
      makeOffer({ price: 50, currency: 'USD' }),
    ]).offers
    expect(aggregate).toMatchObject({ lowPrice: '40.00', highPrice: '50.00', priceCurrency: 'USD', offerCount: 3 })
  })

  it('leaves out empty pros and cons lists', () => {
    const data = productJsonLd({
      device: { ...device, pros: [], cons: [] },
      pageUrl: 'https://site.example/devices/roller',
      offers: [],
      authorUrl: () => 'https://site.example/about',
    }) as Record<string, any>
    expect(data.review).not.toHaveProperty('positiveNotes')
    expect(data.review).not.toHaveProperty('negativeNotes')
  })
})

describe('breadcrumbJsonLd', () => {
  it('numbers the trail from 1', () => {
    expect(
      breadcrumbJsonLd([
        { name: 'Home', url: 'https://s.example/' },
        { name: 'Devices', url: 'https://s.example/devices' },
      ]),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://s.example/' },
        { '@type': 'ListItem', position: 2, name: 'Devices', item: 'https://s.example/devices' },
      ],
    })
  })
})

describe('serializeJsonLd', () => {
  it('cannot close the script element or start markup', () => {
    const text = serializeJsonLd({ name: '</script><script>alert(1)</script> & <!--' })
    expect(text).not.toMatch(/[<>&]/)
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script> & <!--' })
  })

  it('escapes the JavaScript line separators', () => {
    const text = serializeJsonLd({ name: 'a\u2028b\u2029c' })
    expect(text).toContain('\\u2028')
    expect(JSON.parse(text).name).toBe('a\u2028b\u2029c')
  })
})
