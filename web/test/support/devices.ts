import type { DeviceSummary, Offer } from '@microneedling/content/schemas'

let counter = 0

export function makeOffer(overrides: Partial<Offer> = {}): Offer {
  counter += 1
  return {
    key: `offer-${counter}`,
    url: 'https://shop.example.com/p/1',
    price: 20,
    currency: 'GBP',
    availability: 'inStock',
    priceCheckedAt: '2026-01-08',
    partner: { _id: 'partner-shop', name: 'Shop', slug: 'shop', allowedHosts: ['shop.example.com'] },
    ...overrides,
  }
}

type DeviceOverrides = Partial<Omit<DeviceSummary, 'needles'>> & { needles?: Partial<DeviceSummary['needles']> }

export function makeDevice(overrides: DeviceOverrides = {}): DeviceSummary {
  const { needles, ...rest } = overrides
  counter += 1
  const slug = rest.slug ?? `device-${counter}`
  return {
    _id: `device.${slug}`,
    _updatedAt: '2026-01-10T09:00:00Z',
    name: rest.name ?? slug,
    slug,
    brand: { _id: 'brand', name: 'Brand', slug: 'brand' },
    formFactor: 'dermaRoller',
    intendedUse: 'home',
    needleLengthMm: { min: 0.25, max: 0.25 },
    concerns: [],
    rating: 7,
    verdict: 'Fine.',
    pros: [],
    cons: [],
    images: [],
    offers: [],
    consumables: [],
    ...rest,
    needles: {
      adjustable: false,
      needleCount: 540,
      cartridgeConfigurations: [],
      material: 'titanium',
      tip: 'bluntCosmetic',
      replaceableHead: true,
      sterileSingleUseParts: false,
      ...needles,
    },
  }
}
