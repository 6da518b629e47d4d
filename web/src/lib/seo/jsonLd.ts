import { shopperPrice } from '@microneedling/content/offerPrice'
import type { Author, DeviceDetail, DeviceSummary, Offer } from '@microneedling/content/schemas'
import type { Availability } from '@microneedling/content/vocabulary'
import { primaryCurrency } from '../catalogue/prices'

/**
 * Builders for schema.org JSON-LD. They describe only what the page shows: the offers passed in
 * are the ones listed on the page (none when partner links are withheld).
 */

type JsonLd = Record<string, unknown>

const availabilityUrls: Record<Availability, string> = {
  inStock: 'https://schema.org/InStock',
  limitedStock: 'https://schema.org/LimitedAvailability',
  preOrder: 'https://schema.org/PreOrder',
  outOfStock: 'https://schema.org/OutOfStock',
}

export function availabilityUrl(availability: string): string {
  return availabilityUrls[availability as Availability] ?? availabilityUrls.inStock
}

export interface ProductJsonLdInput {
  device: Pick<
    DeviceDetail,
    'name' | 'brand' | 'verdict' | 'rating' | 'pros' | 'cons' | 'lastReviewedAt' | 'writer' | 'formFactor'
  >
  pageUrl: string
  /** The offers the page shows, each with the absolute /go/ URL its link points to. */
  offers: { offer: Offer; url: string }[]
  authorUrl: (author: Author) => string
}

function noteList(items: readonly string[]): JsonLd {
  return {
    '@type': 'ItemList',
    itemListElement: items.map((name, index) => ({ '@type': 'ListItem', position: index + 1, name })),
  }
}

function offerJsonLd({ offer, url }: { offer: Offer; url: string }): JsonLd {
  return {
    '@type': 'Offer',
    price: shopperPrice(offer, new Date()).amount.toFixed(2),
    priceCurrency: offer.currency,
    availability: availabilityUrl(offer.availability),
    url,
    seller: { '@type': 'Organization', name: offer.partner.name },
  }
}

/**
 * One offer: an Offer. Several retailers: an AggregateOffer listing each Offer. Its low and high
 * prices are those quoted in one currency (pounds when any shop quotes pounds), since prices in
 * different currencies cannot share a range; every Offer inside keeps its own currency.
 */
function offersJsonLd(offers: ProductJsonLdInput['offers']): JsonLd | undefined {
  if (offers.length === 0) return undefined
  if (offers.length === 1) return offerJsonLd(offers[0]!)
  const currencies = offers.map(({ offer }) => offer.currency)
  const currency = currencies.includes(primaryCurrency) ? primaryCurrency : currencies[0]!
  const now = new Date()
  const prices = offers
    .filter(({ offer }) => offer.currency === currency)
    .map(({ offer }) => shopperPrice(offer, now).amount)
  return {
    '@type': 'AggregateOffer',
    lowPrice: Math.min(...prices).toFixed(2),
    highPrice: Math.max(...prices).toFixed(2),
    offerCount: offers.length,
    priceCurrency: currency,
    offers: offers.map(offerJsonLd),
  }
}

export function productJsonLd({ device, pageUrl, offers, authorUrl }: ProductJsonLdInput): JsonLd {
  return stripUndefined({
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: device.name,
    url: pageUrl,
    description: device.verdict,
    brand: { '@type': 'Brand', name: device.brand.name },
    review: {
      '@type': 'Review',
      name: `${device.name} review`,
      author: device.writer
        ? { '@type': 'Person', name: device.writer.name, url: authorUrl(device.writer) }
        : undefined,
      datePublished: device.lastReviewedAt,
      reviewBody: device.verdict,
      reviewRating: { '@type': 'Rating', ratingValue: device.rating, bestRating: 10, worstRating: 0 },
      ...(device.pros.length > 0 ? { positiveNotes: noteList(device.pros) } : {}),
      ...(device.cons.length > 0 ? { negativeNotes: noteList(device.cons) } : {}),
    },
    offers: offersJsonLd(offers),
  })
}

export interface BestForItemListInput {
  title: string
  pageUrl: string
  /** The picks in the order the page shows them. */
  picks: {
    /** "Top pick", "Budget pick"... */
    roleTitle: string
    reason: string
    device: Pick<DeviceSummary, 'name' | 'brand'>
    /** The absolute URL of the device's own page. */
    deviceUrl: string
    /** The offer the pick's partner link goes to, with that link's absolute /go/ URL; none when the page shows none. */
    offer?: { offer: Offer; url: string }
  }[]
}

/**
 * A "best for" guide's picks as an ItemList of Products, in the page's order: each with its role,
 * the reason the page gives and, when the page links to a shop for it, that one offer.
 */
export function bestForItemListJsonLd({ title, pageUrl, picks }: BestForItemListInput): JsonLd {
  return stripUndefined({
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name: title,
    url: pageUrl,
    itemListOrder: 'https://schema.org/ItemListOrderAscending',
    numberOfItems: picks.length,
    itemListElement: picks.map((pick, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: `${pick.roleTitle}: ${pick.device.name}`,
      item: {
        '@type': 'Product',
        name: pick.device.name,
        url: pick.deviceUrl,
        description: pick.reason,
        brand: { '@type': 'Brand', name: pick.device.brand.name },
        offers: pick.offer ? offerJsonLd(pick.offer) : undefined,
      },
    })),
  })
}

export function breadcrumbJsonLd(items: readonly { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: item.url,
    })),
  }
}

function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/**
 * JSON for a <script type="application/ld+json">. Content comes from editors, so anything that could
 * close the script element or start markup is escaped: `<`, `>`, `&` and the JS line separators.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
