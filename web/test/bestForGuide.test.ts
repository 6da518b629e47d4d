import { sampleDatasetPath } from '@microneedling/content/config'
import { loadBestForGuide, loadBestForGuideSummaries, loadSiteSettings } from '@microneedling/content/loaders'
import type { BestForGuideDetail, SiteSettings } from '@microneedling/content/schemas'
import { createEmbeddedSource } from '@microneedling/content/source/embedded'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'
import { BestForGuideView } from '@/components/bestFor/BestForGuideView'
import { fallbackMedicalDisclaimer } from '@/lib/compliance/fallbackCopy'

/**
 * A "best for" guide's page as the server renders it, from the sample dataset: what a shopper
 * (and the crawl's rules) would check. The disclosure must come before the first partner link,
 * home devices bring their caveats, and the medical disclaimer ends the page.
 */

const source = createEmbeddedSource(sampleDatasetPath)
const now = new Date('2026-12-01T12:00:00Z')
let settings: SiteSettings
let guides: BestForGuideDetail[]

beforeAll(async () => {
  settings = await loadSiteSettings(source)
  const summaries = await loadBestForGuideSummaries(source)
  guides = await Promise.all(summaries.map(async (summary) => (await loadBestForGuide(source, summary.slug))!))
})

const guide = (slug: string) => {
  const found = guides.find((candidate) => candidate.slug === slug)
  if (!found) throw new Error(`the sample has no best-for guide ${slug}`)
  return found
}

function render(shown: BestForGuideDetail, withSettings: SiteSettings | null = settings): string {
  return renderToStaticMarkup(
    createElement(BestForGuideView, { guide: shown, settings: withSettings, priceStaleDays: 30, now }),
  )
}

const partnerHrefs = (html: string) => [...html.matchAll(/href="(\/go\/[^"]+)"/g)].map((match) => match[1]!)
const position = (html: string, marker: string) => html.indexOf(marker)

function itemListOf(html: string): Record<string, any> {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((match) =>
    JSON.parse(match[1]!),
  )
  const itemList = scripts.find((data) => data['@type'] === 'ItemList')
  expect(itemList, 'an ItemList in the JSON-LD').toBeDefined()
  return itemList
}

describe('a best-for guide page', () => {
  it('the sample has the three guides the browser tests open', () => {
    expect(guides.map((entry) => entry.slug).sort()).toEqual([
      'best-home-derma-roller-for-fine-lines',
      'best-microneedling-pen-for-acne-scarring',
      'best-scalp-roller-for-thinning-hair',
    ])
  })

  it('puts the affiliate disclosure before the first partner link, on every sample guide', () => {
    for (const shown of guides) {
      const html = render(shown)
      const links = partnerHrefs(html)
      // Every sample pick is in stock somewhere, so each has its shop's link, marked as from a guide.
      expect(links, shown.slug).toHaveLength(shown.picks.length)
      for (const href of links) expect(href, shown.slug).toMatch(/\?from=guide$/)
      const disclosure = position(html, 'data-testid="affiliate-disclosure"')
      expect(disclosure, shown.slug).toBeGreaterThanOrEqual(0)
      expect(disclosure, shown.slug).toBeLessThan(position(html, 'href="/go/'))
      expect(html).toContain(settings.affiliateDisclosureShort.replace(/'/g, '&#x27;'))
    }
  })

  it('shows each pick with its role, reason, needle length, price and the day the price was checked', () => {
    const html = render(guide('best-home-derma-roller-for-fine-lines'))
    const picks = html.split('data-testid="best-for-pick"').slice(1)
    expect(picks.map((pick) => /data-role="([^"]+)"/.exec(pick)?.[1])).toEqual(['topPick', 'budgetPick', 'upgradePick'])
    const top = picks[0]!
    expect(top).toContain('Top pick')
    expect(top).toContain('href="/devices/luma-titanium-roller-025"')
    expect(top).toContain('0.25 mm')
    // The cheapest offer in stock in pounds (£27.50 at DermaMart, not £29 or the offer in dollars).
    expect(top).toMatch(/£27\.50<\/strong> at DermaMart/)
    expect(top).toContain('price checked on <time dateTime="2026-11-21">21 November 2026</time>')
    expect(top).toContain('href="/go/luma-titanium-roller-025/luma-ti-roller-dermamart?from=guide"')
  })

  it('shows the home-device caveats right after the picks when a pick is for home use, and ends with the disclaimer', () => {
    const html = render(guide('best-home-derma-roller-for-fine-lines'))
    const caveats = position(html, 'data-testid="home-device-caveats"')
    expect(caveats).toBeGreaterThan(position(html, 'data-testid="best-for-picks"'))
    expect(caveats).toBeLessThan(position(html, 'data-testid="best-for-method"'))
    for (const caveat of settings.homeDeviceCaveats) expect(html).toContain(caveat.statement.replace(/'/g, '&#x27;'))
    expect(position(html, '</article>')).toBeLessThan(position(html, 'data-testid="medical-disclaimer"'))
    expect(html).toContain(settings.medicalDisclaimer)
  })

  it('leaves the caveats off a guide of professional devices only, but keeps the disclaimer', () => {
    const html = render(guide('best-microneedling-pen-for-acne-scarring'))
    expect(html).not.toContain('data-intended-use="home"')
    expect(html).not.toContain('home-device-caveats')
    expect(html).toContain('data-testid="medical-disclaimer"')
  })

  it('without readable settings shows no disclosure and so no partner link, yet still the prices and their dates', () => {
    const html = render(guide('best-scalp-roller-for-thinning-hair'), null)
    expect(html).not.toContain('affiliate-disclosure')
    expect(partnerHrefs(html)).toEqual([])
    expect(html).toContain('price checked on')
    expect(html).toContain(fallbackMedicalDisclaimer.replace(/'/g, '&#x27;'))
    expect(itemListOf(html).itemListElement.map((element: any) => element.item.offers)).toEqual([undefined, undefined])
  })

  it('says a pick is out of stock everywhere, with no partner link and no offer in the structured data', () => {
    const shown = guide('best-scalp-roller-for-thinning-hair')
    const outOfStock = {
      ...shown,
      picks: shown.picks.map((pick, index) =>
        index === 0
          ? {
              ...pick,
              device: {
                ...pick.device,
                offers: pick.device.offers.map((offer) => ({ ...offer, availability: 'outOfStock' as const })),
              },
            }
          : pick,
      ),
    }
    const html = render(outOfStock)
    const [top, upgrade] = html.split('data-testid="best-for-pick"').slice(1)
    expect(top).toContain('Out of stock at every shop')
    expect(partnerHrefs(top!)).toEqual([])
    expect(partnerHrefs(upgrade!)).toHaveLength(1)
    const [first, second] = itemListOf(html).itemListElement
    expect(first.item.offers).toBeUndefined()
    expect(second.item.offers).toMatchObject({ '@type': 'Offer' })
  })

  it('describes the picks as an ItemList of products whose offers are the shops the page links to', () => {
    const shown = guide('best-microneedling-pen-for-acne-scarring')
    const html = render(shown)
    const itemList = itemListOf(html)
    expect(itemList).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      name: shown.title,
      numberOfItems: 2,
    })
    expect(itemList.url).toMatch(/\/best\/best-microneedling-pen-for-acne-scarring$/)
    expect(itemList.itemListElement.map((element: any) => [element.position, element.name])).toEqual([
      [1, 'Top pick: Kestrel Pro Pen P7'],
      [2, 'Budget pick: Orrin ClinicPen C3'],
    ])
    const linkedPaths = partnerHrefs(html).map((href) => href.split('?')[0])
    const offerPaths = itemList.itemListElement.map((element: any) => new URL(element.item.offers.url).pathname)
    expect(offerPaths).toEqual(linkedPaths)
    expect(itemList.itemListElement[0].item).toMatchObject({
      '@type': 'Product',
      name: 'Kestrel Pro Pen P7',
      brand: { '@type': 'Brand' },
      description: shown.picks[0]!.reason,
      offers: { '@type': 'Offer', price: '549.00', priceCurrency: 'GBP', availability: 'https://schema.org/InStock' },
    })
  })
})
