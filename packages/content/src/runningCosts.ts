import { formatPrice, siteLocale } from './formatting.ts'
import type { Consumable } from './schemas.ts'
import type { ConsumableKind, FormFactor } from './vocabulary.ts'

/**
 * What a device costs to keep: the first year (the device, and what a year of its typical schedule
 * uses up) and each session (what one session uses up). The price shown on a card cannot compare a
 * cheap roller thrown away every ten uses with a dearer pen that takes cheap cartridges; these can.
 *
 * The list query works out the same figures in GROQ to sort and filter by (`firstYearCost` and
 * `costPerSession` in queries.ts); a test runs both on the same devices. The rules, in both:
 * - a year is twelve months of the device's sessions a month;
 * - parts are bought whole, in whole packs;
 * - a device with a replaceable head comes with one fitted; cartridges are all bought apart;
 * - when the whole device is what wears out, the one bought (with the rest of its pack) is the first;
 * - figures need an offer in stock and every price in pounds.
 */

/** Prices in two currencies cannot be added up, so running costs are worked out in pounds only. */
export const runningCostCurrency = 'GBP'

const monthsInAYear = 12

/** The offer a device's "from" price comes from (the site's prices.ts picks it), as far as costs need it. */
export interface DevicePrice {
  amount: number
  currency: string
  inStock: boolean
}

export interface RunningCostsInput {
  formFactor: string
  sessionsPerMonth: number | undefined
  consumables: readonly Consumable[]
  devicePrice: DevicePrice | undefined
}

export interface CostFigure {
  /** In pounds, to the penny. */
  amount: number
  /** The amount as shoppers read it, e.g. "£139". */
  text: string
  /** How the amount was worked out, in one line. */
  working: string
}

export type RunningCosts =
  | {
      known: true
      sessionsPerMonth: number
      sessionsPerYear: number
      firstYear: CostFigure
      perSession: CostFigure
    }
  | {
      known: false
      /** Why there is no figure, in a sentence. */
      reason: string
      /** The same in a few words, for a card. */
      shortReason: string
    }

interface Noun {
  one: string
  many: string
}

const deviceNouns: Record<FormFactor, Noun> = {
  dermaRoller: { one: 'roller', many: 'rollers' },
  dermaStamp: { one: 'stamp', many: 'stamps' },
  microneedlingPen: { one: 'pen', many: 'pens' },
  hydraStamp: { one: 'stamp', many: 'stamps' },
  rfMicroneedling: { one: 'system', many: 'systems' },
}

const partNouns: Record<Exclude<ConsumableKind, 'wholeDevice'>, Noun> = {
  replacementHead: { one: 'replacement head', many: 'replacement heads' },
  cartridge: { one: 'cartridge', many: 'cartridges' },
}

/** A form factor a newer Studio knows and the site does not yet is still "a device". */
function deviceNoun(formFactor: string): Noun {
  return (deviceNouns as Record<string, Noun>)[formFactor] ?? { one: 'device', many: 'devices' }
}

function nounOf(consumable: Consumable, formFactor: string): Noun {
  return consumable.kind === 'wholeDevice' ? deviceNoun(formFactor) : partNouns[consumable.kind]
}

/** To the penny, as GROQ's `round(x, 2)` does on the embedded source (groq-js), so figures agree. */
function toPennies(amount: number): number {
  return Number(amount.toFixed(2))
}

const wholePounds = new Intl.NumberFormat(siteLocale, {
  style: 'currency',
  currency: runningCostCurrency,
  maximumFractionDigits: 0,
})
const poundsAndPence = new Intl.NumberFormat(siteLocale, { style: 'currency', currency: runningCostCurrency })

/** "£139" for whole pounds, "£2.50" otherwise: the working reads like arithmetic, not a receipt. */
export function formatRunningCost(amount: number): string {
  const pennies = toPennies(amount)
  return Number.isInteger(pennies) ? wholePounds.format(pennies) : poundsAndPence.format(pennies)
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many)
const uses = (count: number) => `${count} ${plural(count, 'use', 'uses')}`

/** "cartridge", or "pack of 10 cartridges". */
function packOf(consumable: Consumable, noun: Noun): string {
  return consumable.packSize === 1 ? noun.one : `pack of ${consumable.packSize} ${noun.many}`
}

/** What the device itself comes with of this consumable, so the first year does not buy it twice. */
function comesWithTheDevice(consumable: Consumable): number {
  if (consumable.kind === 'replacementHead') return 1
  if (consumable.kind === 'wholeDevice') return consumable.packSize
  return 0
}

interface YearOfUse {
  consumable: Consumable
  noun: Noun
  /** What one pack costs: the device's own price when the whole device is what wears out. */
  packPrice: number
  packsToBuy: number
}

function yearOfUse(
  consumable: Consumable,
  sessionsPerYear: number,
  devicePrice: number,
  formFactor: string,
): YearOfUse {
  const unitsUsed = Math.ceil(sessionsPerYear / consumable.usesEach)
  const unitsToBuy = Math.max(0, unitsUsed - comesWithTheDevice(consumable))
  return {
    consumable,
    noun: nounOf(consumable, formFactor),
    packPrice: consumable.kind === 'wholeDevice' ? devicePrice : (consumable.price ?? 0),
    packsToBuy: Math.ceil(unitsToBuy / consumable.packSize),
  }
}

/** One consumable's share of the first year's working, e.g. " + 6 replacement heads at £14 (...)". */
function yearWorking(use: YearOfUse, sessionsPerYear: number): string {
  const { consumable, noun, packsToBuy } = use
  const schedule = (note: string) => `(${sessionsPerYear} sessions, ${uses(consumable.usesEach)} each${note})`
  if (packsToBuy === 0) {
    const lasts = consumable.kind === 'wholeDevice' ? 'which lasts the year' : 'whose fitted head lasts the year'
    return `, ${lasts} ${schedule('')}`
  }
  const fitted = consumable.kind === 'replacementHead' ? ', one comes fitted' : ''
  const packs = plural(packsToBuy, 'pack', 'packs')
  const quantity =
    consumable.kind === 'wholeDevice'
      ? `${packsToBuy} more${consumable.packSize === 1 ? '' : ` ${packs}`}`
      : consumable.packSize === 1
        ? `${packsToBuy} ${plural(packsToBuy, noun.one, noun.many)}`
        : `${packsToBuy} ${packs} of ${consumable.packSize} ${noun.many}`
  return ` + ${quantity} at ${formatRunningCost(use.packPrice)} ${schedule(fitted)}`
}

function unknown(reason: string, shortReason: string): RunningCosts {
  return { known: false, reason, shortReason }
}

/** Why the figures cannot be worked out, or undefined when they can. */
function missingFacts(input: RunningCostsInput): RunningCosts | undefined {
  const { consumables, devicePrice } = input
  if (consumables.length === 0) {
    return unknown(
      'We have not recorded what it uses up yet, so its running costs are not worked out.',
      'Not known yet',
    )
  }
  if (input.sessionsPerMonth === undefined) {
    return unknown(
      'We have not recorded a typical schedule for it yet, so its running costs are not worked out.',
      'Not known yet',
    )
  }
  for (const consumable of consumables) {
    if (consumable.kind === 'wholeDevice') continue
    const { many } = partNouns[consumable.kind]
    if (consumable.price === undefined) {
      return unknown(
        `We do not have a price for its ${many} yet, so its running costs are not worked out.`,
        'Parts not priced',
      )
    }
    if (consumable.currency !== runningCostCurrency) {
      return unknown(
        `Its ${many} are not priced in pounds, and we work out running costs in pounds only.`,
        'Not priced in pounds',
      )
    }
  }
  if (!devicePrice?.inStock) {
    return unknown('No shop has it in stock at the moment, so there is no price to work from.', 'Not in stock')
  }
  if (devicePrice.currency !== runningCostCurrency) {
    return unknown(
      'No shop with it in stock quotes a price in pounds, and we work out running costs in pounds only.',
      'Not priced in pounds',
    )
  }
  return undefined
}

/**
 * The first-year and per-session costs of a device, each with its working, or why they cannot be
 * worked out. The arithmetic follows the GROQ in queries.ts step for step, so that rounding agrees.
 */
export function workOutRunningCosts(input: RunningCostsInput): RunningCosts {
  const missing = missingFacts(input)
  if (missing) return missing
  // missingFacts has made sure of both.
  const sessionsPerMonth = input.sessionsPerMonth as number
  const devicePrice = (input.devicePrice as DevicePrice).amount
  const sessionsPerYear = sessionsPerMonth * monthsInAYear
  const year = input.consumables.map((consumable) =>
    yearOfUse(consumable, sessionsPerYear, devicePrice, input.formFactor),
  )

  const firstYear = toPennies(devicePrice + year.reduce((sum, use) => sum + use.packsToBuy * use.packPrice, 0))
  const perSession = year.reduce(
    (sum, use) => sum + use.packPrice / (use.consumable.packSize * use.consumable.usesEach),
    0,
  )

  const bought = year.find((use) => use.consumable.kind === 'wholeDevice')
  const device = bought ? packOf(bought.consumable, bought.noun) : deviceNoun(input.formFactor).one
  const yearLine = `${formatRunningCost(devicePrice)} ${device}${year.map((use) => yearWorking(use, sessionsPerYear)).join('')}`
  const sessionLine = year
    .map(
      (use) =>
        `${formatRunningCost(use.packPrice)} ${packOf(use.consumable, use.noun)} ÷ ${uses(use.consumable.packSize * use.consumable.usesEach)}`,
    )
    .join(' + ')

  return {
    known: true,
    sessionsPerMonth,
    sessionsPerYear,
    firstYear: {
      amount: firstYear,
      text: formatRunningCost(firstYear),
      working: `${yearLine} = ${formatRunningCost(firstYear)} in the first year`,
    },
    perSession: {
      amount: toPennies(perSession),
      text: formatRunningCost(perSession),
      working: `${sessionLine} = ${formatRunningCost(perSession)} a session`,
    },
  }
}

function priceText(price: number, currency: string | undefined): string {
  if (currency === runningCostCurrency) return formatRunningCost(price)
  return currency ? formatPrice(price, currency) : String(price)
}

/** A consumable as the device page lists it, e.g. "Cartridges: £25 for a pack of 10, 1 use each". */
export function describeConsumable(consumable: Consumable, formFactor: string): string {
  if (consumable.kind === 'wholeDevice') {
    const { one, many } = deviceNoun(formFactor)
    return consumable.packSize === 1
      ? `The whole ${one}: replaced after ${uses(consumable.usesEach)}`
      : `The whole ${one}: ${consumable.packSize} ${many} a pack, ${uses(consumable.usesEach)} each`
  }
  const { many } = partNouns[consumable.kind]
  const name = many[0]!.toUpperCase() + many.slice(1)
  const { price, currency } = consumable
  const priced =
    price === undefined
      ? 'price not known'
      : `${priceText(price, currency)} ${consumable.packSize === 1 ? 'each' : `for a pack of ${consumable.packSize}`}`
  return `${name}: ${priced}, ${uses(consumable.usesEach)} each`
}
