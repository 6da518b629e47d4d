import { formatNeedleLength, formatPrice } from '@microneedling/content/formatting'
import type { DeviceSummary, Offer } from '@microneedling/content/schemas'
import {
  concerns as concernTerms,
  formFactors,
  intendedUses,
  needleMaterials,
  needleTips,
  titleOf,
} from '@microneedling/content/vocabulary'
import { lowestPrice, noPriceText, sortOffers } from '../catalogue/prices'
import { deviceRunningCosts } from '../catalogue/runningCosts'
import { formatRating, yesNo } from '../text/formatting'

/**
 * The rows of the comparison table, and which of them differ between the devices. Each cell keeps
 * a comparable value (what "differs" is decided on) apart from how it is shown.
 */

export type CompareCell =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[]; empty: string }
  | { kind: 'offers'; offers: Offer[] }
  /** A worked-out amount with the one-line sum it comes from. */
  | { kind: 'figure'; text: string; working: string }

export interface CompareRow {
  key: string
  label: string
  cells: CompareCell[]
  differs: boolean
}

type Comparable = string | readonly string[]

function sameValue(a: Comparable, b: Comparable): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b
  if (a.length !== b.length) return false
  const sortedA = [...a].sort()
  const sortedB = [...b].sort()
  return sortedA.every((item, index) => item === sortedB[index])
}

/** True when any two values differ; lists are compared as sets, ignoring order. */
export function valuesDiffer(values: readonly Comparable[]): boolean {
  const [first, ...rest] = values
  if (first === undefined) return false
  return rest.some((value) => !sameValue(first, value))
}

interface RowDefinition {
  key: string
  label: string
  cell: (device: DeviceSummary) => CompareCell
  comparable: (device: DeviceSummary) => Comparable
}

function needleCountText(device: DeviceSummary): string {
  const parts: string[] = []
  if (device.needles.needleCount !== undefined) parts.push(`${device.needles.needleCount} needles`)
  if (device.needles.cartridgeConfigurations.length > 0) {
    parts.push(`Cartridges: ${device.needles.cartridgeConfigurations.join(', ')}`)
  }
  return parts.join('; ') || 'Not stated'
}

function priceText(device: DeviceSummary): string {
  const lowest = lowestPrice(device)
  return lowest ? `From ${formatPrice(lowest.amount, lowest.currency)}` : noPriceText(device)
}

const text = (value: string): CompareCell => ({ kind: 'text', text: value })

/** A running cost, or why there is none: devices differ on the amount, not on how it was worked out. */
function runningCostCell(device: DeviceSummary, figure: 'firstYear' | 'perSession'): CompareCell {
  const costs = deviceRunningCosts(device)
  return costs.known ? { kind: 'figure', text: costs[figure].text, working: costs[figure].working } : text(costs.reason)
}

function runningCostComparable(device: DeviceSummary, figure: 'firstYear' | 'perSession'): string {
  const costs = deviceRunningCosts(device)
  return costs.known ? costs[figure].text : costs.reason
}

const rowDefinitions: RowDefinition[] = [
  {
    key: 'use',
    label: 'Use',
    cell: (device) => text(titleOf(intendedUses, device.intendedUse)),
    comparable: (device) => device.intendedUse,
  },
  {
    key: 'formFactor',
    label: 'Form factor',
    cell: (device) => text(titleOf(formFactors, device.formFactor)),
    comparable: (device) => device.formFactor,
  },
  {
    key: 'needleLength',
    label: 'Needle length',
    cell: (device) =>
      text(`${formatNeedleLength(device.needleLengthMm)}${device.needles.adjustable ? ' (adjustable)' : ''}`),
    comparable: (device) => `${device.needleLengthMm.min}-${device.needleLengthMm.max}`,
  },
  {
    key: 'needleCount',
    label: 'Needle count or cartridges',
    cell: (device) => text(needleCountText(device)),
    comparable: needleCountText,
  },
  {
    key: 'material',
    label: 'Needle material',
    cell: (device) => text(titleOf(needleMaterials, device.needles.material)),
    comparable: (device) => device.needles.material,
  },
  {
    key: 'tip',
    label: 'Needle tip',
    cell: (device) => text(titleOf(needleTips, device.needles.tip)),
    comparable: (device) => device.needles.tip,
  },
  {
    key: 'replaceableHead',
    label: 'Replaceable head',
    cell: (device) => text(yesNo(device.needles.replaceableHead)),
    comparable: (device) => String(device.needles.replaceableHead),
  },
  {
    key: 'sterileSingleUseParts',
    label: 'Sterile single-use parts',
    cell: (device) => text(yesNo(device.needles.sterileSingleUseParts)),
    comparable: (device) => String(device.needles.sterileSingleUseParts),
  },
  {
    key: 'concerns',
    label: 'Skin concerns',
    cell: (device) => ({
      kind: 'list',
      items: device.concerns.map((concern) => titleOf(concernTerms, concern)),
      empty: 'None listed',
    }),
    comparable: (device) => device.concerns,
  },
  {
    key: 'price',
    label: 'Price',
    cell: (device) => text(priceText(device)),
    comparable: priceText,
  },
  {
    key: 'firstYearCost',
    label: 'First-year cost',
    cell: (device) => runningCostCell(device, 'firstYear'),
    comparable: (device) => runningCostComparable(device, 'firstYear'),
  },
  {
    key: 'costPerSession',
    label: 'Cost per session',
    cell: (device) => runningCostCell(device, 'perSession'),
    comparable: (device) => runningCostComparable(device, 'perSession'),
  },
  {
    key: 'rating',
    label: 'Our rating',
    cell: (device) => text(`${formatRating(device.rating)} out of 10`),
    comparable: (device) => formatRating(device.rating),
  },
  {
    key: 'pros',
    label: 'Pros',
    cell: (device) => ({ kind: 'list', items: device.pros, empty: 'None listed' }),
    comparable: (device) => device.pros,
  },
  {
    key: 'cons',
    label: 'Cons',
    cell: (device) => ({ kind: 'list', items: device.cons, empty: 'None listed' }),
    comparable: (device) => device.cons,
  },
  {
    key: 'whereToBuy',
    label: 'Where to buy',
    cell: (device) => ({ kind: 'offers', offers: sortOffers(device.offers) }),
    comparable: (device) => [...new Set(device.offers.map((offer) => offer.partner.name))],
  },
]

export function buildCompareRows(devices: readonly DeviceSummary[]): CompareRow[] {
  return rowDefinitions.map((row) => ({
    key: row.key,
    label: row.label,
    cells: devices.map(row.cell),
    differs: devices.length > 1 && valuesDiffer(devices.map(row.comparable)),
  }))
}
