import { formatMillimetres, formatNeedleLength, formatPrice } from '../formatting.ts'
import type { DeviceSummary } from '../schemas.ts'
import { type Concern, concerns, homeDeviceTypicalMaxMm, skinLayers, titleOf } from '../vocabulary.ts'
import { type BodyAreaTerm, bodyAreas, type FinderAnswers } from './answers.ts'
import {
  type ConcernGuidance,
  depthFact,
  guidanceFor,
  homeDeviceLimits,
  needsProfessional,
  practitionerCare,
} from './guidance.ts'
import { type FinderCriterion, finderCredit, finderWeights, type ReasonKind } from './weights.ts'

/**
 * The finder's ranking: from a shopper's answers to a short, ordered list of devices, each with a
 * score and the reasons behind it, led by "see a professional" advice whenever that is the honest
 * answer. Pure: the page loads the devices and their prices, and this decides nothing else.
 */

/** What the ranking reads from a device; a page passes its full summaries and gets them back. */
export type FinderDevice = Pick<
  DeviceSummary,
  '_id' | 'name' | 'intendedUse' | 'needleLengthMm' | 'concerns' | 'rating'
> & {
  needles: Pick<DeviceSummary['needles'], 'tip' | 'sterileSingleUseParts'>
}

export interface FinderReason {
  kind: ReasonKind
  text: string
  /** The criterion this reason is scored under and the points it earned; absent for notes that earn none. */
  score?: { criterion: FinderCriterion; points: number; outOf: number }
}

export interface FinderPick<Device> {
  kind: 'device'
  /** 1 for the first device in the list. */
  rank: number
  device: Device
  /** Out of 100: the share of the points that apply to these answers that the device earned. */
  score: number
  reasons: FinderReason[]
}

/** Shown before any device when a dermatologist or trained practitioner is the honest answer. */
export interface ProfessionalAdvice {
  kind: 'seeAProfessional'
  concern: Concern
  heading: string
  paragraphs: string[]
}

export type FinderEntry<Device> = ProfessionalAdvice | FinderPick<Device>

export interface FinderExclusion<Device> {
  device: Device
  /** Every reason the device was left out, each of kind `doesNotFit`. */
  reasons: FinderReason[]
}

export interface FinderResult<Device> {
  answers: FinderAnswers
  /** In the order a page shows them: the advice first when there is one, then the devices, best first. */
  entries: FinderEntry<Device>[]
  /** Devices left out (over budget, another setting, too long for the area), by name. */
  excluded: FinderExclusion<Device>[]
}

export interface FinderOptions<Device> {
  /** The device's lowest in-stock price in pounds, or undefined when it has none (see lowestBuyablePriceGbp). */
  priceOf: (device: Device) => number | undefined
  /** How many devices to list; 5 unless given. */
  limit?: number
}

export const defaultFinderLimit = 5

const home = formatMillimetres(homeDeviceTypicalMaxMm)
const usualHomeRange = `the usual home range of up to ${home}`

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function layerReachedBy(lengthMm: number): string {
  const layer = skinLayers.find((candidate) => lengthMm <= candidate.toMm) ?? skinLayers.at(-1)!
  return layer.name.toLowerCase()
}

function scored(criterion: FinderCriterion, kind: ReasonKind, text: string, points?: number): FinderReason {
  const outOf = finderWeights[criterion]
  return { kind, text, score: { criterion, points: points ?? outOf * finderCredit[kind], outOf } }
}

function note(kind: ReasonKind, text: string): FinderReason {
  return { kind, text }
}

function concernReason(device: FinderDevice, concern: Concern): FinderReason {
  const title = lower(titleOf(concerns, concern))
  return device.concerns.includes(concern)
    ? scored('concern', 'fits', `Our editors list it for ${title}.`)
    : scored('concern', 'doesNotFit', `Not one our editors list for ${title}.`)
}

function depthReason(device: FinderDevice, guidance: ConcernGuidance): FinderReason | undefined {
  const fact = depthFact(guidance)
  if (!fact || guidance.depthNeededMm === undefined) return undefined
  const { min, max } = device.needleLengthMm
  const blunt = device.needles.tip === 'bluntCosmetic'
  const isHome = device.intendedUse === 'home'
  const length =
    min === max ? `Its needles are ${formatMillimetres(max)}` : `It adjusts up to ${formatMillimetres(max)}`
  if (max >= guidance.depthNeededMm) {
    return isHome
      ? scored(
          'depth',
          'caution',
          `${length}; ${fact}. At home, needles that long can break the skin, which raises the risk of infection or injury.`,
        )
      : scored('depth', 'fits', `${length}; ${fact}.`)
  }
  const stops =
    isHome && blunt
      ? `Its blunt ${formatNeedleLength(device.needleLengthMm)} needles press on the skin rather than pass through it`
      : `Its needles stop at ${formatMillimetres(max)}, in the ${layerReachedBy(max)}`
  return scored('depth', 'doesNotFit', `${stops}; ${fact}.`)
}

function areaReason(device: FinderDevice, answers: FinderAnswers): FinderReason {
  const area: BodyAreaTerm = bodyAreas.find((candidate) => candidate.value === answers.area)!
  const limit = formatMillimetres(area.longestNeedleMm)
  const { min, max } = device.needleLengthMm
  if (min > area.longestNeedleMm) {
    const length =
      min === max ? `Its ${formatMillimetres(min)} needles are` : `Even at its shortest, ${formatMillimetres(min)} is`
    return scored(
      'area',
      'doesNotFit',
      `${length} longer than the ${limit} we suggest at most for ${area.description}.`,
    )
  }
  if (area.lightTouchAboveMm !== undefined && max > area.lightTouchAboveMm && max <= area.longestNeedleMm) {
    return scored(
      'area',
      'caution',
      `At ${formatNeedleLength(device.needleLengthMm)}, at the top of what we suggest for ${area.description}: use a light touch there.`,
    )
  }
  if (max <= area.longestNeedleMm) {
    return scored(
      'area',
      'fits',
      `At ${formatNeedleLength(device.needleLengthMm)}, within the ${limit} we suggest at most for ${area.description}.`,
    )
  }
  const who =
    device.intendedUse === 'professional'
      ? 'a practitioner would keep to its shorter settings there'
      : 'keep to its shorter settings there'
  return scored('area', 'caution', `It goes deeper than the ${limit} we suggest for ${area.description}: ${who}.`)
}

/** Only for home devices: with a professional device, the practitioner's experience is what counts. */
function experienceReason(device: FinderDevice, answers: FinderAnswers): FinderReason | undefined {
  if (device.intendedUse !== 'home') return undefined
  const firstTime = answers.experience === 'firstTime'
  const { min, max } = device.needleLengthMm
  const length = formatNeedleLength(device.needleLengthMm)
  const sharp = device.needles.tip === 'sharp'
  if (!sharp && max <= homeDeviceTypicalMaxMm) {
    const start = firstTime ? ': a gentle length to start with' : ''
    return scored('experience', 'fits', `Blunt needles of ${length}, within ${usualHomeRange}${start}.`)
  }
  if (!sharp && min <= homeDeviceTypicalMaxMm) {
    return scored(
      'experience',
      'caution',
      `It adjusts beyond ${usualHomeRange}; ${firstTime ? 'on a first go, keep to its shortest setting' : 'keep to its shorter settings'}.`,
    )
  }
  const needles = `${sharp ? 'Sharp needles' : 'Needles'} of ${length}${min > homeDeviceTypicalMaxMm ? `, beyond ${usualHomeRange},` : ''} can break the skin`
  return firstTime
    ? scored('experience', 'doesNotFit', `${needles}: not one to start with.`)
    : scored(
        'experience',
        'caution',
        `${needles}, so clean it thoroughly every time; bleeding, or redness that lasts for days, means it has gone too deep.`,
      )
}

function ratingReason(device: FinderDevice): FinderReason {
  const rating = device.rating.toLocaleString('en-GB', { maximumFractionDigits: 1 })
  const points = (finderWeights.rating * device.rating) / 10
  return scored(
    'rating',
    device.rating >= 7 ? 'fits' : 'caution',
    `Rated ${rating} out of 10 by our reviewers.`,
    points,
  )
}

function settingReason(device: FinderDevice, answers: FinderAnswers): FinderReason | undefined {
  if (device.intendedUse === 'professional') {
    return answers.setting === 'professional'
      ? note('fits', 'For trained practitioners, as you asked.')
      : note('caution', 'For trained practitioners: not a device to use on yourself at home.')
  }
  return answers.setting === 'home' ? note('fits', 'For home use, as you asked.') : undefined
}

/** Why a device is left out: another setting, over budget or unpriced, or too long for the area. */
function exclusionReasons<Device extends FinderDevice>(
  device: Device,
  answers: FinderAnswers,
  price: number | undefined,
): FinderReason[] {
  const reasons: FinderReason[] = []
  if (answers.setting && device.intendedUse !== answers.setting) {
    reasons.push(
      note(
        'doesNotFit',
        device.intendedUse === 'professional'
          ? 'For trained practitioners, and you asked for home use.'
          : 'For home use, and you asked for devices a clinic uses.',
      ),
    )
  }
  if (answers.budgetGbp !== undefined) {
    const budget = formatPrice(answers.budgetGbp, 'GBP')
    if (price === undefined) {
      reasons.push(note('doesNotFit', 'No in-stock price in pounds, so we cannot check it against your budget.'))
    } else if (price > answers.budgetGbp) {
      reasons.push(note('doesNotFit', `From ${formatPrice(price, 'GBP')}, over your ${budget} budget.`))
    }
  }
  const area = areaReason(device, answers)
  if (area.kind === 'doesNotFit') reasons.push({ kind: area.kind, text: area.text })
  return reasons
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function professionalAdvice(answers: FinderAnswers): ProfessionalAdvice | undefined {
  if (!answers.concern) return undefined
  const guidance = guidanceFor(answers.concern)
  if (!needsProfessional(guidance) || !guidance.professionalAdvice) return undefined
  return {
    kind: 'seeAProfessional',
    concern: answers.concern,
    heading: `For ${lower(titleOf(concerns, answers.concern))}, start with a dermatologist or trained practitioner`,
    paragraphs: [guidance.professionalAdvice, answers.setting === 'professional' ? practitionerCare : homeDeviceLimits],
  }
}

export function findDevices<Device extends FinderDevice>(
  devices: readonly Device[],
  answers: FinderAnswers,
  options: FinderOptions<Device>,
): FinderResult<Device> {
  const limit = options.limit ?? defaultFinderLimit
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`the finder lists at least one device, not ${limit}`)
  const guidance = answers.concern ? guidanceFor(answers.concern) : undefined

  const excluded: FinderExclusion<Device>[] = []
  const ranked: Omit<FinderPick<Device>, 'rank'>[] = []
  for (const device of devices) {
    const price = options.priceOf(device)
    const exclusions = exclusionReasons(device, answers, price)
    if (exclusions.length > 0) {
      excluded.push({ device, reasons: exclusions })
      continue
    }
    const reasons = [
      answers.concern ? concernReason(device, answers.concern) : undefined,
      guidance ? depthReason(device, guidance) : undefined,
      areaReason(device, answers),
      experienceReason(device, answers),
      ratingReason(device),
      guidance?.deviceCaution ? note('caution', guidance.deviceCaution) : undefined,
      settingReason(device, answers),
      answers.budgetGbp !== undefined && price !== undefined
        ? note(
            'fits',
            `From ${formatPrice(price, 'GBP')}, within your ${formatPrice(answers.budgetGbp, 'GBP')} budget.`,
          )
        : undefined,
      device.intendedUse === 'home' && device.needles.sterileSingleUseParts
        ? note('fits', 'It uses sealed, sterile single-use parts, so there is less to clean.')
        : undefined,
    ].filter((reason) => reason !== undefined)
    const points = reasons.reduce((sum, reason) => sum + (reason.score?.points ?? 0), 0)
    const outOf = reasons.reduce((sum, reason) => sum + (reason.score?.outOf ?? 0), 0)
    ranked.push({ kind: 'device', device, score: Math.round((100 * points) / outOf), reasons })
  }

  const byDevice = (a: { device: Device }, b: { device: Device }) =>
    compareText(a.device.name, b.device.name) || compareText(a.device._id, b.device._id)
  ranked.sort((a, b) => b.score - a.score || byDevice(a, b))
  excluded.sort(byDevice)

  const picks = ranked.slice(0, limit).map((pick, index) => ({ ...pick, rank: index + 1 }))
  const advice = professionalAdvice(answers)
  return { answers, entries: advice ? [advice, ...picks] : picks, excluded }
}
