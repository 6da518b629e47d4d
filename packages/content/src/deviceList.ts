import {
  type Concern,
  concerns,
  type FormFactor,
  formFactors,
  type IntendedUse,
  intendedUses,
  type NeedleMaterial,
  needleMaterials,
} from './vocabulary.ts'

/**
 * The catalogue as a list: which filters and sort orders exist, and the GROQ parameters that the
 * list and facet queries (queries.ts) take for them. The site parses these from a URL; anything
 * else that lists devices builds them directly.
 */

export const deviceSortOrders = [
  { value: 'rating', title: 'Highest rated first' },
  { value: 'price-asc', title: 'Price: lowest first' },
  { value: 'price-desc', title: 'Price: highest first' },
  { value: 'needle-asc', title: 'Needle length: shortest first' },
  { value: 'needle-desc', title: 'Needle length: longest first' },
  { value: 'first-year-asc', title: 'First-year cost: lowest first' },
  { value: 'per-session-asc', title: 'Cost per session: lowest first' },
  { value: 'name', title: 'Name: A to Z' },
] as const
export type DeviceSortOrder = (typeof deviceSortOrders)[number]['value']
export const defaultDeviceSortOrder: DeviceSortOrder = 'rating'

export interface DeviceFilters {
  use?: IntendedUse
  form?: FormFactor
  material?: NeedleMaterial
  concern?: Concern
  minNeedle?: number
  maxNeedle?: number
  minPrice?: number
  maxPrice?: number
  /** In pounds: the device and a year of what it uses up (runningCosts.ts). */
  maxFirstYear?: number
  sort: DeviceSortOrder
}

export type DeviceFilterName = Exclude<keyof DeviceFilters, 'sort'>

/** Devices on one page of a list: a full page is two dozen cards, a few screens on a phone. */
export const devicesPerPage = 24

/** The facets counted for the filter form, each with the vocabulary its options come from. */
export const deviceFacets = {
  use: intendedUses,
  form: formFactors,
  material: needleMaterials,
  concern: concerns,
} as const
export type DeviceFacet = keyof typeof deviceFacets

/** The filter parameters every list query takes; an unset filter is `null`, which switches it off. */
export function deviceFilterParams(filters: Omit<DeviceFilters, 'sort'>) {
  return {
    use: filters.use ?? null,
    form: filters.form ?? null,
    material: filters.material ?? null,
    concern: filters.concern ?? null,
    minNeedle: filters.minNeedle ?? null,
    maxNeedle: filters.maxNeedle ?? null,
    minPrice: filters.minPrice ?? null,
    maxPrice: filters.maxPrice ?? null,
    maxFirstYear: filters.maxFirstYear ?? null,
  }
}

/** The parameters of `deviceListPageQuery` for a 1-based page number. */
export function deviceListPageParams(filters: DeviceFilters, page: number, pageSize = devicesPerPage) {
  const start = (Math.max(1, Math.trunc(page)) - 1) * pageSize
  return { ...deviceFilterParams(filters), sort: filters.sort, start, end: start + pageSize }
}

/** The parameters of `deviceFacetsQuery`: the filters, and each facet's options. */
export function deviceFacetParams(filters: Omit<DeviceFilters, 'sort'>) {
  const options = (terms: readonly { value: string }[]) => terms.map(({ value }) => ({ value }))
  return {
    ...deviceFilterParams(filters),
    useOptions: options(deviceFacets.use),
    formOptions: options(deviceFacets.form),
    materialOptions: options(deviceFacets.material),
    concernOptions: options(deviceFacets.concern),
  }
}

/** How many pages a list of `total` devices has (at least one, for the empty list). */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / devicesPerPage))
}
