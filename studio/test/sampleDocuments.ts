import type { SanityDocument } from 'sanity'

/**
 * A small, valid content set: one of every document type, linked the way the site expects.
 * Tests copy it and break one thing at a time.
 */

const createdAt = '2025-01-10T09:00:00Z'

function document<T extends Record<string, unknown>>(_id: string, _type: string, fields: T): SanityDocument {
  return { _id, _type, _createdAt: createdAt, _updatedAt: createdAt, _rev: 'sample', ...fields }
}

const reference = (_ref: string) => ({ _type: 'reference', _ref })

const block = (_key: string, text: string) => ({
  _type: 'block',
  _key,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `${_key}-span`, text, marks: [] }],
})

export const sampleIds = {
  brand: 'brand-dermaco',
  partner: 'partner-skinshop',
  writer: 'author-writer',
  medicalReviewer: 'author-reviewer',
  homeDevice: 'device-home-roller',
  professionalDevice: 'device-pro-pen',
  comparison: 'comparison-roller-vs-pen',
  guide: 'guide-needle-length',
  bestForGuide: 'best-for-fine-lines',
  siteSettings: 'siteSettings',
} as const

export const homeDeviceOfferKey = 'offer-skinshop'

export function sampleDocuments(): SanityDocument[] {
  return [
    document(sampleIds.brand, 'brand', {
      name: 'DermaCo',
      slug: { _type: 'slug', current: 'dermaco' },
      description: 'Makes rollers and pens.',
    }),
    document(sampleIds.partner, 'partner', {
      name: 'SkinShop',
      slug: { _type: 'slug', current: 'skinshop' },
      allowedHosts: ['skinshop.example.com'],
      trackingParameter: { name: 'tag', value: 'microneedling-21' },
    }),
    document(sampleIds.writer, 'author', {
      name: 'Ada Writer',
      slug: { _type: 'slug', current: 'ada-writer' },
      role: 'writer',
    }),
    document(sampleIds.medicalReviewer, 'author', {
      name: 'Dr Ben Reviewer',
      slug: { _type: 'slug', current: 'ben-reviewer' },
      role: 'medicalReviewer',
      credentials: 'MBBS, MRCP (Dermatology)',
    }),
    document(sampleIds.homeDevice, 'device', {
      name: 'DermaCo Home Roller',
      slug: { _type: 'slug', current: 'dermaco-home-roller' },
      brand: reference(sampleIds.brand),
      formFactor: 'dermaRoller',
      intendedUse: 'home',
      needleSpec: {
        _type: 'needleSpec',
        adjustable: false,
        lengthMm: 0.25,
        needleCount: 540,
        material: 'titanium',
        tip: 'bluntCosmetic',
        replaceableHead: true,
        sterileSingleUseParts: false,
      },
      concerns: ['wrinkles', 'pigmentation'],
      pros: ['Cheap', 'Replaceable head'],
      cons: ['Hard to clean', 'Blunt needles do little'],
      consumables: [
        {
          _type: 'consumable',
          _key: 'head',
          kind: 'replacementHead',
          price: 9.99,
          currency: 'GBP',
          priceCheckedAt: '2025-01-08',
          packSize: 1,
          usesEach: 15,
        },
      ],
      sessionsPerMonth: 8,
      verdict: 'A cheap way to try home rolling, with modest results.',
      rating: 6.5,
      offers: [
        {
          _type: 'offer',
          _key: homeDeviceOfferKey,
          partner: reference(sampleIds.partner),
          url: 'https://www.skinshop.example.com/products/dermaco-home-roller',
          price: 24.99,
          currency: 'GBP',
          availability: 'inStock',
          priceCheckedAt: '2025-01-08',
        },
      ],
      writer: reference(sampleIds.writer),
      medicalReviewer: reference(sampleIds.medicalReviewer),
      lastReviewedAt: '2025-01-09',
    }),
    document(sampleIds.professionalDevice, 'device', {
      name: 'DermaCo Pro Pen',
      slug: { _type: 'slug', current: 'dermaco-pro-pen' },
      brand: reference(sampleIds.brand),
      formFactor: 'microneedlingPen',
      intendedUse: 'professional',
      needleSpec: {
        _type: 'needleSpec',
        adjustable: true,
        minLengthMm: 0.25,
        maxLengthMm: 2.5,
        cartridgeConfigurations: ['12-pin', '36-pin'],
        material: 'stainlessSteel',
        tip: 'sharp',
        replaceableHead: true,
        sterileSingleUseParts: true,
      },
      pros: ['Adjustable depth', 'Sterile cartridges'],
      cons: ['For clinics only', 'Expensive'],
      consumables: [
        {
          _type: 'consumable',
          _key: 'cartridge',
          kind: 'cartridge',
          price: 30,
          currency: 'GBP',
          priceCheckedAt: '2025-01-08',
          packSize: 10,
          usesEach: 1,
        },
      ],
      sessionsPerMonth: 1,
      verdict: 'A clinic pen with sterile single-use cartridges.',
      rating: 8,
      writer: reference(sampleIds.writer),
      medicalReviewer: reference(sampleIds.medicalReviewer),
      lastReviewedAt: '2025-01-09',
    }),
    document(sampleIds.comparison, 'comparison', {
      title: 'Home roller or clinic pen?',
      slug: { _type: 'slug', current: 'home-roller-vs-clinic-pen' },
      devices: [
        { ...reference(sampleIds.homeDevice), _key: 'first' },
        { ...reference(sampleIds.professionalDevice), _key: 'second' },
      ],
      verdict: 'The pen reaches deeper, in a clinic; the roller is a gentle start at home.',
      body: [block('c1', 'They differ most in needle length.')],
      publishedAt: '2025-01-09',
    }),
    document(sampleIds.guide, 'guide', {
      title: 'Choosing a needle length',
      slug: { _type: 'slug', current: 'choosing-a-needle-length' },
      summary: 'Which lengths are for home use, and which belong in a clinic.',
      body: [block('g1', 'Home devices stay at 0.3 mm or less.')],
      writer: reference(sampleIds.writer),
      medicalReviewer: reference(sampleIds.medicalReviewer),
      lastReviewedAt: '2025-01-09',
    }),
    document(sampleIds.bestForGuide, 'bestForGuide', {
      title: 'The best home roller for fine lines',
      slug: { _type: 'slug', current: 'best-home-roller-for-fine-lines' },
      concern: 'wrinkles',
      picks: [
        {
          _type: 'bestForPick',
          _key: 'top',
          role: 'topPick',
          device: reference(sampleIds.homeDevice),
          reason: 'Short titanium needles and a head you can replace.',
        },
      ],
      whoItIsFor: 'People curious about home rolling who know the results are modest.',
      howWeChose: [block('b1', 'We compared needle length, material and whether the head can be replaced.')],
      competition: [
        {
          _type: 'bestForCompetitor',
          _key: 'pen',
          device: reference(sampleIds.professionalDevice),
          note: 'For clinics, not for use at home.',
        },
      ],
      lastUpdatedAt: '2025-01-09',
      writer: reference(sampleIds.writer),
      medicalReviewer: reference(sampleIds.medicalReviewer),
    }),
    document(sampleIds.siteSettings, 'siteSettings', {
      siteName: 'Microneedling compared',
      affiliateDisclosureShort: 'We earn a commission when you buy through partner links.',
      affiliateDisclosureFull: [block('d1', 'How we earn money, and why it does not change our reviews.')],
      medicalDisclaimer: 'This site does not give medical advice. See a dermatologist.',
      homeDeviceCaveats: [
        {
          _type: 'caveat',
          _key: 'blunt',
          statement: 'Home devices have shorter, blunter needles that are not meant to pierce the skin.',
        },
      ],
    }),
  ]
}

/** The sample set with one document changed by `change`, which gets a copy to edit. */
export function sampleDocumentsWith(id: string, change: (document: Record<string, any>) => void): SanityDocument[] {
  return sampleDocuments().map((document) => {
    if (document._id !== id) return document
    const copy = structuredClone(document) as Record<string, any>
    change(copy)
    return copy as SanityDocument
  })
}
