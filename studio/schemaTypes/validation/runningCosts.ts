import { formatMillimetres, type NeedleLengths } from '@microneedling/content/formatting'
import { runningCostCurrency } from '@microneedling/content/runningCosts'
import { type ConsumableKind, consumableKinds, titleOf } from '@microneedling/content/vocabulary'

import { longestNeedleLengthMm } from './needleLength.ts'

/**
 * What a device uses up and how often it is used: the facts its running costs are worked out from
 * (packages/content/src/runningCosts.ts). Errors stop values the site cannot use; warnings point at
 * values that leave the running costs unknown, or look unlikely.
 */

export interface ConsumableValues {
  kind?: string
  price?: number
  currency?: string
  priceCheckedAt?: string
  packSize?: number
  usesEach?: number
}

/** The parts of a device a rule needs: its needles, and what it uses up. */
export interface RunningCostDocument {
  needleSpec?: NeedleLengths & { replaceableHead?: boolean; sterileSingleUseParts?: boolean }
  consumables?: ConsumableValues[]
  sessionsPerMonth?: number
}

const isPart = (kind: string | undefined) => kind === 'replacementHead' || kind === 'cartridge'
const kindTitle = (kind: ConsumableKind) => titleOf(consumableKinds, kind).toLowerCase()

/** More than once a day is not a routine anyone follows: most likely a typing slip. */
export const sessionsPerMonthLimit = 31

/**
 * The most sessions a month we advise, by the deepest the needles go: skin needs longer to recover
 * from deeper needles. A warning only, as a maker's own schedule may differ.
 */
const sessionsPerMonthGuidance = [
  { upToMm: 0.3, sessionsPerMonth: 12 },
  { upToMm: 0.5, sessionsPerMonth: 4 },
  { upToMm: 1, sessionsPerMonth: 2 },
  { upToMm: Number.POSITIVE_INFINITY, sessionsPerMonth: 1 },
] as const

/** The most sessions a month we advise for needles reaching `longestMm`. */
export function advisedSessionsPerMonth(longestMm: number): number {
  return sessionsPerMonthGuidance.find((step) => longestMm <= step.upToMm)?.sessionsPerMonth ?? 1
}

/** An error for a head's or cartridge's price that cannot be right. */
export function consumablePriceProblem(price: number | undefined, consumable: ConsumableValues | undefined) {
  if (price === undefined || !isPart(consumable?.kind)) return undefined
  return price > 0 ? undefined : 'A price is above zero. Clear it if you do not know the price yet.'
}

/** A warning when a head or cartridge has no price: the site then shows no running costs. */
export function consumablePriceMissing(price: number | undefined, consumable: ConsumableValues | undefined) {
  if (price !== undefined || !isPart(consumable?.kind)) return undefined
  return 'Enter the price of one pack as a shop asks it: until then, the site shows no running costs for this device.'
}

/** An error for a price without a currency. */
export function consumableCurrencyProblem(currency: string | undefined, consumable: ConsumableValues | undefined) {
  if (currency || consumable?.price === undefined || !isPart(consumable.kind)) return undefined
  return 'Choose the currency of the price.'
}

/** A warning for a price the site cannot add to a price in pounds. */
export function consumableCurrencyWarning(currency: string | undefined, consumable: ConsumableValues | undefined) {
  if (!currency || currency === runningCostCurrency || !isPart(consumable?.kind)) return undefined
  return `Running costs are worked out in pounds, so with a price in ${currency} the site shows none for this device. Enter the price a UK shop asks, if there is one.`
}

/** An error for a head's or cartridge's price with no day it was checked: the site shows both. */
export function consumableCheckedDateProblem(
  priceCheckedAt: string | undefined,
  consumable: ConsumableValues | undefined,
) {
  if (priceCheckedAt || consumable?.price === undefined || !isPart(consumable.kind)) return undefined
  return 'Enter the day the price was checked: the site shows it next to the price.'
}

/** A warning for sterile single-use parts said to last more than one session. */
export function singleUseWarning(usesEach: number | undefined, document: RunningCostDocument | undefined) {
  if (usesEach === undefined || usesEach <= 1 || document?.needleSpec?.sterileSingleUseParts !== true) return undefined
  return `The needles are marked as sterile single-use parts, so each one is used once, not ${usesEach} times. Enter 1, or check the needles.`
}

/**
 * An error for consumables that contradict each other or the needles: the whole device is only
 * what wears out when nothing on it can be replaced, and then there is nothing else to list.
 */
export function consumablesProblem(
  consumables: ConsumableValues[] | undefined,
  document: RunningCostDocument | undefined,
): string | undefined {
  const kinds = (consumables ?? [])
    .map((consumable) => consumable.kind)
    .filter((kind): kind is string => kind !== undefined)
  const repeated = kinds.find((kind, index) => kinds.indexOf(kind) !== index)
  if (repeated) {
    return `List each kind once: there are two of “${titleOf(consumableKinds, repeated)}”. Keep the one a typical session uses.`
  }
  const replaceableHead = document?.needleSpec?.replaceableHead === true
  if (kinds.includes('wholeDevice')) {
    if (replaceableHead) {
      return 'The needles have a replaceable head or cartridge, so the device is not thrown away whole: list the head or cartridge instead, or turn off “Replaceable head or cartridge”.'
    }
    if (kinds.some(isPart)) {
      return 'When the whole device is what wears out, it has no head or cartridge to list as well: remove one of them.'
    }
  }
  const part = kinds.find(isPart) as ConsumableKind | undefined
  if (part && !replaceableHead) {
    return `A ${kindTitle(part)} is listed, but the needles say the head cannot be replaced: turn on “Replaceable head or cartridge”, or list the whole device instead.`
  }
  return undefined
}

/** A warning when the site cannot say what the device costs to keep, with what to add. */
export function consumablesMissing(
  consumables: ConsumableValues[] | undefined,
  document: RunningCostDocument | undefined,
): string | undefined {
  if ((consumables ?? []).length > 0) return undefined
  if (document?.needleSpec?.replaceableHead === true) {
    return 'The needles have a replaceable head or cartridge: list it with its price and how many uses it lasts, so shoppers can see what the device costs to keep.'
  }
  return 'List what the device uses up (the whole device, when nothing on it can be replaced) and how many uses it lasts, so shoppers can see what it costs to keep.'
}

/** A warning for a schedule that is missing, or more frequent than we advise for these needles. */
export function sessionsPerMonthWarning(
  sessionsPerMonth: number | undefined,
  document: RunningCostDocument | undefined,
): string | undefined {
  if (sessionsPerMonth === undefined) {
    return (document?.consumables ?? []).length > 0
      ? 'Enter a typical number of sessions a month: without it, the site cannot work out the running costs.'
      : undefined
  }
  const longest = longestNeedleLengthMm(document?.needleSpec)
  if (longest === undefined) return undefined
  const advised = advisedSessionsPerMonth(longest)
  if (sessionsPerMonth <= advised) return undefined
  return `${sessionsPerMonth} sessions a month is more often than we advise for needles reaching ${formatMillimetres(longest)} (at most ${advised}): skin needs time to recover between sessions. Check the number.`
}
