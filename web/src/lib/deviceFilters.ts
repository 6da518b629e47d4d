import type { DeviceSummary } from '@microneedling/content/schemas'
import {
  type Concern,
  concerns,
  type FormFactor,
  formFactors,
  type IntendedUse,
  intendedUses,
  type NeedleMaterial,
  needleLengthLimitsMm,
  needleMaterials,
  titleOf,
  valuesOf,
} from '@microneedling/content/vocabulary'
import { z } from 'zod'
import { lowestPrice } from './prices'

/**
 * The /devices filters: parsed from the query string of a plain GET form, applied to the device
 * list, and turned back into a query string. A value that cannot be used is dropped with a message
 * that names it; the rest of the filters still apply.
 */

export const sortOptions = [
  { value: 'rating', title: 'Highest rated first' },
  { value: 'price-asc', title: 'Price: lowest first' },
  { value: 'price-desc', title: 'Price: highest first' },
  { value: 'needle-asc', title: 'Needle length: shortest first' },
  { value: 'needle-desc', title: 'Needle length: longest first' },
  { value: 'name', title: 'Name: A to Z' },
] as const
export type SortOption = (typeof sortOptions)[number]['value']
export const defaultSort: SortOption = 'rating'

export interface DeviceFilters {
  use?: IntendedUse
  form?: FormFactor
  material?: NeedleMaterial
  concern?: Concern
  minNeedle?: number
  maxNeedle?: number
  minPrice?: number
  maxPrice?: number
  sort: SortOption
}

export type FilterName = Exclude<keyof DeviceFilters, 'sort'>

export interface ParsedDeviceFilters {
  filters: DeviceFilters
  /** One sentence per value that was ignored or adjusted, for the shopper to read. */
  messages: string[]
}

export type SearchParams = Record<string, string | string[] | undefined>

const needleLength = z.coerce.number().min(0).max(needleLengthLimitsMm.max)
const price = z.coerce.number().nonnegative().max(1_000_000)

const fields = {
  use: { schema: z.enum(valuesOf(intendedUses)), name: 'use', hint: 'choose home or professional use' },
  form: { schema: z.enum(valuesOf(formFactors)), name: 'form factor', hint: 'choose one of the listed device types' },
  material: {
    schema: z.enum(valuesOf(needleMaterials)),
    name: 'needle material',
    hint: 'choose one of the listed materials',
  },
  concern: { schema: z.enum(valuesOf(concerns)), name: 'skin concern', hint: 'choose one of the listed concerns' },
  minNeedle: {
    schema: needleLength,
    name: 'shortest needle length',
    hint: `enter millimetres from 0 to ${needleLengthLimitsMm.max}`,
  },
  maxNeedle: {
    schema: needleLength,
    name: 'longest needle length',
    hint: `enter millimetres from 0 to ${needleLengthLimitsMm.max}`,
  },
  minPrice: { schema: price, name: 'lowest price', hint: 'enter an amount of 0 or more' },
  maxPrice: { schema: price, name: 'highest price', hint: 'enter an amount of 0 or more' },
} as const satisfies Record<FilterName, { schema: z.ZodType; name: string; hint: string }>

export const filterNames = Object.keys(fields) as FilterName[]

const sortSchema = z.enum(sortOptions.map((option) => option.value) as [SortOption, ...SortOption[]])

/** Shortens what a visitor typed before it is echoed back on the page. */
function quoted(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value
  return `“${short}”`
}

function single(raw: string | string[] | undefined): { value?: string; extra: boolean } {
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .map((value) => value.trim())
    .filter(Boolean)
  return { value: values[0], extra: values.length > 1 }
}

export function parseDeviceFilters(searchParams: SearchParams): ParsedDeviceFilters {
  const filters: DeviceFilters = { sort: defaultSort }
  const messages: string[] = []

  for (const key of filterNames) {
    const field = fields[key]
    const { value, extra } = single(searchParams[key])
    if (value === undefined) continue
    if (extra) messages.push(`Only the first ${field.name} was used.`)
    const result = field.schema.safeParse(value)
    if (result.success) {
      ;(filters as unknown as Record<string, unknown>)[key] = result.data
    } else {
      messages.push(`Ignored ${quoted(value)} for ${field.name}: ${field.hint}.`)
    }
  }

  const sort = single(searchParams.sort).value
  if (sort !== undefined) {
    const result = sortSchema.safeParse(sort)
    if (result.success) filters.sort = result.data
    else messages.push(`Ignored ${quoted(sort)} for sort order: choose one of the listed orders.`)
  }

  if (filters.minNeedle !== undefined && filters.maxNeedle !== undefined && filters.minNeedle > filters.maxNeedle) {
    ;[filters.minNeedle, filters.maxNeedle] = [filters.maxNeedle, filters.minNeedle]
    messages.push('The shortest needle length was above the longest, so we swapped them.')
  }
  if (filters.minPrice !== undefined && filters.maxPrice !== undefined && filters.minPrice > filters.maxPrice) {
    ;[filters.minPrice, filters.maxPrice] = [filters.maxPrice, filters.minPrice]
    messages.push('The lowest price was above the highest, so we swapped them.')
  }
  return { filters, messages }
}

function matches(device: DeviceSummary, filters: DeviceFilters): boolean {
  if (filters.use && device.intendedUse !== filters.use) return false
  if (filters.form && device.formFactor !== filters.form) return false
  if (filters.material && device.needles.material !== filters.material) return false
  if (filters.concern && !device.concerns.includes(filters.concern)) return false
  // A device matches a length range when any length it can be set to lies inside the range.
  if (filters.minNeedle !== undefined && device.needleLengthMm.max < filters.minNeedle) return false
  if (filters.maxNeedle !== undefined && device.needleLengthMm.min > filters.maxNeedle) return false
  if (filters.minPrice !== undefined || filters.maxPrice !== undefined) {
    const lowest = lowestPrice(device)
    if (!lowest) return false
    if (filters.minPrice !== undefined && lowest.amount < filters.minPrice) return false
    if (filters.maxPrice !== undefined && lowest.amount > filters.maxPrice) return false
  }
  return true
}

/** Missing values sort last whichever way the list runs. */
function byNumber(a: number | undefined, b: number | undefined, direction: 1 | -1): number {
  if (a === undefined || b === undefined) return Number(a === undefined) - Number(b === undefined)
  return (a - b) * direction
}

function compare(a: DeviceSummary, b: DeviceSummary, sort: SortOption): number {
  switch (sort) {
    case 'rating':
      return b.rating - a.rating
    case 'price-asc':
      return byNumber(lowestPrice(a)?.amount, lowestPrice(b)?.amount, 1)
    case 'price-desc':
      return byNumber(lowestPrice(a)?.amount, lowestPrice(b)?.amount, -1)
    case 'needle-asc':
      return a.needleLengthMm.min - b.needleLengthMm.min || a.needleLengthMm.max - b.needleLengthMm.max
    case 'needle-desc':
      return b.needleLengthMm.max - a.needleLengthMm.max || b.needleLengthMm.min - a.needleLengthMm.min
    case 'name':
      return 0
  }
}

/** The devices that pass every filter, in the chosen order (ties broken by name). */
export function applyDeviceFilters(devices: readonly DeviceSummary[], filters: DeviceFilters): DeviceSummary[] {
  return devices
    .filter((device) => matches(device, filters))
    .sort((a, b) => compare(a, b, filters.sort) || a.name.localeCompare(b.name, 'en'))
}

/** The query string for a set of filters; the default sort is left out so URLs stay short. */
export function filtersToSearchParams(filters: DeviceFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of filterNames) {
    const value = filters[key]
    if (value !== undefined) params.set(key, String(value))
  }
  if (filters.sort !== defaultSort) params.set('sort', filters.sort)
  return params
}

export function activeFilterCount(filters: DeviceFilters): number {
  return filterNames.filter((key) => filters[key] !== undefined).length
}

/** Each active filter in words with the query string that drops it, for "remove filter" links. */
export function describeActiveFilters(filters: DeviceFilters): { name: FilterName; text: string; withoutIt: string }[] {
  const describe: Record<FilterName, (value: never) => string> = {
    use: (value: IntendedUse) => titleOf(intendedUses, value),
    form: (value: FormFactor) => titleOf(formFactors, value),
    material: (value: NeedleMaterial) => `${titleOf(needleMaterials, value)} needles`,
    concern: (value: Concern) => titleOf(concerns, value),
    minNeedle: (value: number) => `Needles from ${value} mm`,
    maxNeedle: (value: number) => `Needles up to ${value} mm`,
    minPrice: (value: number) => `Price from ${value}`,
    maxPrice: (value: number) => `Price up to ${value}`,
  }
  return filterNames.flatMap((name) => {
    const value = filters[name]
    if (value === undefined) return []
    const rest: DeviceFilters = { ...filters }
    delete rest[name]
    return [{ name, text: describe[name](value as never), withoutIt: filtersToSearchParams(rest).toString() }]
  })
}
