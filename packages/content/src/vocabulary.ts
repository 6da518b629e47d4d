/**
 * The shared vocabulary: every fixed list of values a device can take, with the label shoppers and
 * editors read. The Studio builds its option lists from here and the site its labels and filters,
 * so the two can never drift apart.
 */

export interface Term<Value extends string = string> {
  value: Value
  title: string
}

function terms<const T extends readonly Term[]>(list: T) {
  return list
}

export const formFactors = terms([
  { value: 'dermaRoller', title: 'Derma roller' },
  { value: 'dermaStamp', title: 'Derma stamp' },
  { value: 'microneedlingPen', title: 'Microneedling pen' },
  { value: 'hydraStamp', title: 'Serum-infusing stamp' },
  { value: 'rfMicroneedling', title: 'Radiofrequency microneedling' },
] as const)

export const intendedUses = terms([
  { value: 'home', title: 'Home use' },
  { value: 'professional', title: 'Professional use' },
] as const)

export const needleMaterials = terms([
  { value: 'titanium', title: 'Titanium' },
  { value: 'stainlessSteel', title: 'Stainless steel' },
  { value: 'goldPlated', title: 'Gold-plated steel' },
  { value: 'siliconeMicrocones', title: 'Silicone microcones' },
] as const)

export const needleTips = terms([
  { value: 'bluntCosmetic', title: 'Blunt cosmetic tip' },
  { value: 'sharp', title: 'Sharp tip' },
] as const)

/** The skin concerns microneedling is used for, as listed in the source article. */
export const concerns = terms([
  { value: 'wrinkles', title: 'Wrinkles and fine lines' },
  { value: 'scarring', title: 'Scarring' },
  { value: 'acneScarring', title: 'Acne scarring' },
  { value: 'alopecia', title: 'Hair loss (alopecia)' },
  { value: 'pigmentation', title: 'Skin pigmentation' },
  { value: 'stretchMarks', title: 'Stretch marks' },
  { value: 'rosacea', title: 'Rosacea' },
  { value: 'looseSkin', title: 'Loose skin' },
] as const)

export const availabilities = terms([
  { value: 'inStock', title: 'In stock' },
  { value: 'limitedStock', title: 'Limited stock' },
  { value: 'preOrder', title: 'Pre-order' },
  { value: 'outOfStock', title: 'Out of stock' },
] as const)

/**
 * The roles a pick plays in a "best for" guide, each held by at most one device: the one most
 * people should buy, the cheaper one that still does the job, and the one worth paying more for.
 */
export const bestForRoles = terms([
  { value: 'topPick', title: 'Top pick' },
  { value: 'budgetPick', title: 'Budget pick' },
  { value: 'upgradePick', title: 'Upgrade pick' },
] as const)

export const authorRoles = terms([
  { value: 'writer', title: 'Writer' },
  { value: 'medicalReviewer', title: 'Medical reviewer' },
] as const)

/**
 * What a device uses up, so that running costs can be compared: a head or a cartridge it takes, or
 * the device itself when nothing on it can be renewed.
 */
export const consumableKinds = terms([
  { value: 'replacementHead', title: 'Replacement head' },
  { value: 'cartridge', title: 'Cartridge' },
  { value: 'wholeDevice', title: 'The whole device' },
] as const)

/** ISO 4217 codes editors may price offers in. */
export const currencies = terms([
  { value: 'GBP', title: 'Pound sterling (GBP)' },
  { value: 'USD', title: 'US dollar (USD)' },
  { value: 'EUR', title: 'Euro (EUR)' },
  { value: 'CAD', title: 'Canadian dollar (CAD)' },
  { value: 'AUD', title: 'Australian dollar (AUD)' },
] as const)

/** The formats a partner's product feed may be in: what `@microneedling/feeds` reads. */
export const feedFormats = terms([
  { value: 'google-tsv', title: 'Google Merchant Center, tab-separated' },
  { value: 'google-xml', title: 'Google Merchant Center, XML (RSS or Atom)' },
  { value: 'awin-csv', title: 'Awin product feed (CSV)' },
] as const)

/** How often a partner's feed may be read, in hours: at least hourly, at most weekly. */
export const feedRefreshHoursLimits = { min: 1, max: 168, default: 24 } as const

type ValueOf<T extends readonly Term[]> = T[number]['value']
export type FormFactor = ValueOf<typeof formFactors>
export type IntendedUse = ValueOf<typeof intendedUses>
export type NeedleMaterial = ValueOf<typeof needleMaterials>
export type NeedleTip = ValueOf<typeof needleTips>
export type Concern = ValueOf<typeof concerns>
export type Availability = ValueOf<typeof availabilities>
export type AuthorRole = ValueOf<typeof authorRoles>
export type BestForRole = ValueOf<typeof bestForRoles>
export type ConsumableKind = ValueOf<typeof consumableKinds>
export type Currency = ValueOf<typeof currencies>
export type FeedFormat = ValueOf<typeof feedFormats>

export function valuesOf<const T extends readonly Term[]>(list: T): [ValueOf<T>, ...ValueOf<T>[]] {
  return list.map((term) => term.value) as [ValueOf<T>, ...ValueOf<T>[]]
}

/** The label for a value, or the value itself when a newer Studio knows a term the site does not. */
export function titleOf(list: readonly Term[], value: string): string {
  return list.find((term) => term.value === value)?.title ?? value
}

/** Needle-length limits editors may enter, and the length above which a home device is unusual. */
export const needleLengthLimitsMm = { min: 0.1, max: 3.0 } as const
export const homeDeviceTypicalMaxMm = 0.3

/**
 * Approximate depths of facial skin layers, used to draw needle length against the skin.
 * Thickness varies with body site, age and person; these are typical figures for the face.
 */
export const skinLayers = [
  { name: 'Epidermis', fromMm: 0, toMm: 0.1 },
  { name: 'Papillary dermis', fromMm: 0.1, toMm: 0.5 },
  { name: 'Reticular dermis', fromMm: 0.5, toMm: 2.0 },
  { name: 'Subcutaneous fat', fromMm: 2.0, toMm: 3.0 },
] as const
