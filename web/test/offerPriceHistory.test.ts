import type { PriceHistoryRow } from '@microneedling/content/priceHistory'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { OfferList } from '@/components/OfferList'
import { observationOf } from '@/lib/priceHistory/offerObservation'
import { makeOffer } from './support/devices'

const now = new Date('2026-06-30T12:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)
const seen = (price: number, from: number, to: number): PriceHistoryRow => ({
  price,
  currency: 'GBP',
  availability: 'inStock',
  firstSeenAt: daysAgo(from),
  lastSeenAt: daysAgo(to),
})

function render(offer: ReturnType<typeof makeOffer>, history?: PriceHistoryRow[]): string {
  return renderToStaticMarkup(
    OfferList({
      deviceSlug: 'roller',
      deviceName: 'Roller',
      offers: [offer],
      partnerLinksAllowed: true,
      priceStaleDays: 10_000,
      now,
      ...(history ? { priceHistories: new Map([[offer.key, history]]) } : {}),
    }),
  )
}

const text = (html: string) => html.replace(/<[^>]+>/g, '').replaceAll('&#x27;', "'")

describe('offer prices on the device page', () => {
  it('shows no chart and no claim when nothing was recorded, and still says when the price was checked', () => {
    const html = render(makeOffer({ price: 24 }))
    expect(html).not.toContain('data-testid="price-history"')
    expect(html).not.toContain('data-testid="price-drop"')
    expect(text(html)).toContain('£24.00')
    expect(text(html)).toContain('Price checked on')
  })

  it('shows the sale price a shopper pays, never the shop’s own "was" price', () => {
    const html = text(render(makeOffer({ price: 40, salePrice: 32 })))
    expect(html).toContain('£32.00')
    expect(html).toContain("The shop's sale price.")
    // Art. 6a: a reduction is announced only against the lowest price of the 30 days before it.
    expect(html).not.toContain('£40.00')
    const withEnd = makeOffer({ price: 40, salePrice: 32, salePriceEffective: { to: '2026-07-04T00:00:00Z' } })
    expect(text(render(withEnd))).toContain("The shop's sale price, until 4 July 2026.")
    const ended = makeOffer({
      price: 40,
      salePrice: 32,
      salePriceEffective: { from: '2026-06-01T00:00:00Z', to: '2026-06-15T00:00:00Z' },
    })
    expect(text(render(ended))).not.toContain('£32.00')
  })

  it('claims a price drop only below the lowest price of the 30 days before, and names that price', () => {
    const dropped = render(makeOffer({ price: 24 }), [seen(32, 90, 31), seen(30, 30, 6), seen(24, 5, 0)])
    expect(text(dropped)).toContain('Price drop since 25 June 2026. Lowest price in the 30 days before: £30.00')
    const backToLowest = render(makeOffer({ price: 20 }), [seen(20, 90, 21), seen(25, 20, 6), seen(20, 5, 0)])
    expect(backToLowest).not.toContain('data-testid="price-drop"')
    expect(backToLowest).toContain('data-testid="price-history"')
  })

  it('draws the chart for sighted readers only, with the facts in words and a table of price periods', () => {
    const html = render(makeOffer({ price: 24 }), [seen(30, 90, 41), seen(24, 40, 0)])
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/)
    const words = text(html)
    expect(words).toContain('Price at Shop over the last 180 days')
    expect(words).toContain('Lowest in the last 30 days: £24.00')
    expect(words).toContain('Usually £24.00–£30.00 (on 8 in 10 of the 91 days with a known price)')
    expect(html).toMatch(/<table class="visually-hidden"><caption>Prices at Shop over the last 180 days/)
    expect(words).toContain('1 April 2026' + '21 May 2026' + '£30.00')
    expect(words).toContain('21 May 2026' + 'today' + '£24.00')
  })

  it('lists a stretch when the price was not checked as such, and out-of-stock as no price', () => {
    const history: PriceHistoryRow[] = [
      seen(30, 90, 60),
      { ...seen(30, 40, 21), availability: 'outOfStock' },
      seen(28, 20, 0),
    ]
    const words = text(render(makeOffer({ price: 28 }), history))
    expect(words).toContain('1 May 2026' + '21 May 2026' + 'Not checked')
    expect(words).toContain('21 May 2026' + '10 June 2026' + 'Out of stock')
    expect(words).toContain('Blank stretches: the price was not checked then.')
  })
})

describe('observationOf', () => {
  it('records what a shopper paid at that moment: the sale price while the sale applied', () => {
    const offer = {
      deviceId: 'device-1',
      offerKey: 'o1',
      partnerId: 'partner-1',
      price: 40,
      salePrice: 32,
      salePriceEffective: { from: '2026-06-01T00:00:00Z', to: '2026-06-15T00:00:00Z' },
      currency: 'GBP',
      availability: 'inStock' as const,
    }
    expect(observationOf(offer, 'editor', new Date('2026-06-10T00:00:00Z')).price).toBe(32)
    expect(observationOf(offer, 'link-check', now)).toEqual({
      deviceId: 'device-1',
      offerKey: 'o1',
      partnerId: 'partner-1',
      price: 40,
      currency: 'GBP',
      availability: 'inStock',
      observedAt: now,
      source: 'link-check',
    })
  })
})
