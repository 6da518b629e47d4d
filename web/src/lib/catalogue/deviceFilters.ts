import {
  type DeviceFilterName,
  type DeviceFilters,
  type DeviceSortOrder,
  defaultDeviceSortOrder,
  deviceSortOrders,
} from '@microneedling/content/deviceList'
import { formatRunningCost } from '@microneedling/content/runningCosts'
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
import { routes } from '../seo/urls'
import { quotedInput } from '../text/formatting'

/**
 * The /devices filters: parsed from the query string of a plain GET form (the list query applies
 * them, see deviceList.ts in the content package), and turned back into a query string. A value
 * that cannot be used is dropped with a message that names it; the rest of the filters still apply.
 */

export type { DeviceFilters }

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
  maxFirstYear: { schema: price, name: 'highest first-year cost', hint: 'enter an amount in pounds, 0 or more' },
} as const satisfies Record<DeviceFilterName, { schema: z.ZodType; name: string; hint: string }>

const filterNames = Object.keys(fields) as DeviceFilterName[]

const sortSchema = z.enum(deviceSortOrders.map((option) => option.value) as [DeviceSortOrder, ...DeviceSortOrder[]])

function single(raw: string | string[] | undefined): { value?: string; extra: boolean } {
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .map((value) => value.trim())
    .filter(Boolean)
  return { value: values[0], extra: values.length > 1 }
}

export function parseDeviceFilters(searchParams: SearchParams): ParsedDeviceFilters {
  const filters: DeviceFilters = { sort: defaultDeviceSortOrder }
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
      messages.push(`Ignored ${quotedInput(value)} for ${field.name}: ${field.hint}.`)
    }
  }

  const sort = single(searchParams.sort).value
  if (sort !== undefined) {
    const result = sortSchema.safeParse(sort)
    if (result.success) filters.sort = result.data
    else messages.push(`Ignored ${quotedInput(sort)} for sort order: choose one of the listed orders.`)
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

/** The query string for a set of filters; the default sort is left out so URLs stay short. */
export function filtersToSearchParams(filters: DeviceFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of filterNames) {
    const value = filters[key]
    if (value !== undefined) params.set(key, String(value))
  }
  if (filters.sort !== defaultDeviceSortOrder) params.set('sort', filters.sort)
  return params
}

/** Each active filter in words with the query string that drops it, for "remove filter" links. */
export function describeActiveFilters(
  filters: DeviceFilters,
): { name: DeviceFilterName; text: string; withoutIt: string }[] {
  const describe: Record<DeviceFilterName, (value: never) => string> = {
    use: (value: IntendedUse) => titleOf(intendedUses, value),
    form: (value: FormFactor) => titleOf(formFactors, value),
    material: (value: NeedleMaterial) => `${titleOf(needleMaterials, value)} needles`,
    concern: (value: Concern) => titleOf(concerns, value),
    minNeedle: (value: number) => `Needles from ${value} mm`,
    maxNeedle: (value: number) => `Needles up to ${value} mm`,
    minPrice: (value: number) => `Price from ${value}`,
    maxPrice: (value: number) => `Price up to ${value}`,
    maxFirstYear: (value: number) => `First year up to ${formatRunningCost(value)}`,
  }
  return filterNames.flatMap((name) => {
    const value = filters[name]
    if (value === undefined) return []
    const rest: DeviceFilters = { ...filters }
    delete rest[name]
    return [{ name, text: describe[name](value as never), withoutIt: filtersToSearchParams(rest).toString() }]
  })
}

export interface ParsedListPage {
  /** The 1-based page asked for; the page clamps it once it knows how many pages there are. */
  page: number
  messages: string[]
}

/** `?page=`: a whole number from 1. Anything else shows the first page, saying why. */
export function parseListPage(searchParams: SearchParams): ParsedListPage {
  const { value, extra } = single(searchParams.page)
  const messages: string[] = extra ? ['Only the first page number was used.'] : []
  if (value === undefined) return { page: 1, messages }
  const page = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isInteger(page) || page < 1) {
    return { page: 1, messages: [...messages, `There is no page ${quotedInput(value)}: here is the first page.`] }
  }
  return { page, messages }
}

/** A list page's URL: the filters as they are, and `page` unless it is the first. */
export function listPageHref(filters: DeviceFilters, page: number): string {
  const params = filtersToSearchParams(filters)
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `${routes.devices}?${query}` : routes.devices
}

/** Whether any filter is a price, cost or needle range: values a visitor types, with no limit to how many. */
export function hasRangeFilters(filters: Omit<DeviceFilters, 'sort'>): boolean {
  return [filters.minNeedle, filters.maxNeedle, filters.minPrice, filters.maxPrice, filters.maxFirstYear].some(
    (value) => value !== undefined,
  )
}
