import { describe, expect, it } from 'vitest'
import { bestForItemListJsonLd, breadcrumbJsonLd, productJsonLd, serializeJsonLd } from '@/lib/seo/jsonLd'
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

describe('bestForItemListJsonLd', () => {
  const roller = makeDevice({ name: 'Roller 0.25', slug: 'roller' })
  const pen = makeDevice({ name: 'Pen 0.3', slug: 'pen' })
  const offer = makeOffer({ key: 'o1', price: 27.5 })
  const data = bestForItemListJsonLd({
    title: 'The best roller for fine lines',
    pageUrl: 'https://site.example/best/roller-for-fine-lines',
    picks: [
      {
        roleTitle: 'Top pick',
        reason: 'Titanium needles.',
        device: roller,
        deviceUrl: 'https://site.example/devices/roller',
        offer: { offer, url: go('o1') },
      },
      {
        roleTitle: 'Upgrade pick',
        reason: 'Sealed cartridges.',
        device: pen,
        deviceUrl: 'https://site.example/devices/pen',
      },
    ],
  }) as Record<string, any>

  it('lists the picks in the page’s order, each a Product named with its role', () => {
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      name: 'The best roller for fine lines',
      url: 'https://site.example/best/roller-for-fine-lines',
      numberOfItems: 2,
    })
    expect(data.itemListElement).toEqual([
      {
        '@type': 'ListItem',
        position: 1,
        name: 'Top pick: Roller 0.25',
        item: {
          '@type': 'Product',
          name: 'Roller 0.25',
          url: 'https://site.example/devices/roller',
          description: 'Titanium needles.',
          brand: { '@type': 'Brand', name: 'Brand' },
          offers: {
            '@type': 'Offer',
            price: '27.50',
            priceCurrency: 'GBP',
            availability: 'https://schema.org/InStock',
            url: go('o1'),
            seller: { '@type': 'Organization', name: 'Shop' },
          },
        },
      },
      {
        '@type': 'ListItem',
        position: 2,
        name: 'Upgrade pick: Pen 0.3',
        item: {
          '@type': 'Product',
          name: 'Pen 0.3',
          url: 'https://site.example/devices/pen',
          description: 'Sealed cartridges.',
          brand: { '@type': 'Brand', name: 'Brand' },
        },
      },
    ])
  })

  it('names no shop directly: an offer’s URL is the site’s own /go/ link', () => {
    expect(serializeJsonLd(data)).not.toContain('shop.example.com')
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
