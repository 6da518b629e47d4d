import { formatMillimetres } from '../formatting.ts'
import { type Concern, concerns, homeDeviceTypicalMaxMm, titleOf } from '../vocabulary.ts'
import { type BodyAreaTerm, bodyAreas } from './answers.ts'
import { concernGuidance } from './guidance.ts'

/**
 * How the finder scores a device: points per criterion, out of 100 when every criterion applies.
 * The methodology page prints these, and `describeFinderWeights` says them in words, so what a
 * shopper reads is what the ranking does.
 */
export const finderWeights = {
  /** Our editors list the device for the shopper's skin concern. */
  concern: 30,
  /** The device reaches the depth the concern's work is done at (only for concerns where depth decides). */
  depth: 20,
  /** A home device's needles suit the shopper's experience: short and blunt for a first go. */
  experience: 20,
  /** Every needle length the device can be set to suits the body area. */
  area: 10,
  /** Our reviewers' rating out of 10, in proportion. */
  rating: 20,
} as const
export type FinderCriterion = keyof typeof finderWeights

/** A reason that fits earns a criterion's full points, a caution half, a reason that does not fit none. */
export const finderCredit = { fits: 1, caution: 0.5, doesNotFit: 0 } as const
export type ReasonKind = keyof typeof finderCredit

/** The weights and the rules around them, one sentence each, for the methodology page. */
export function describeFinderWeights(): string[] {
  const home = formatMillimetres(homeDeviceTypicalMaxMm)
  const depthConcerns = (Object.entries(concernGuidance) as [Concern, { depthNeededMm?: number }][])
    .filter(([, guidance]) => guidance.depthNeededMm !== undefined)
    .map(
      ([concern, guidance]) =>
        `${formatMillimetres(guidance.depthNeededMm!)} for ${titleOf(concerns, concern).toLowerCase()}`,
    )
  const areaLimits = bodyAreas
    .map((area: BodyAreaTerm) =>
      area.lightTouchAboveMm === undefined
        ? `${area.description}: up to ${formatMillimetres(area.longestNeedleMm)}`
        : `${area.description}: up to ${formatMillimetres(area.longestNeedleMm)}, with half points above ${formatMillimetres(area.lightTouchAboveMm)}`,
    )
    .join('; ')
  return [
    `Skin concern, ${finderWeights.concern} points: full points when our editors list the device for your concern, none when they do not.`,
    `Needle depth, ${finderWeights.depth} points: for concerns where depth decides, full points when a professional device can reach the depth clinics work at (${depthConcerns.join(', ')}), half when a home device can (at home that depth brings more risk), none when it cannot.`,
    `Experience, ${finderWeights.experience} points, home devices only: full points for blunt needles of up to ${home}, the usual home range; for longer or sharp needles, half if you have used a device before and none if it would be your first time. Adjustable devices that go beyond ${home} earn half.`,
    `Body area, ${finderWeights.area} points: full points when every setting suits the area, half when only the shorter settings do (${areaLimits}). A device too long for the area even at its shortest is left out.`,
    `Rating, ${finderWeights.rating} points: our reviewers' rating out of 10, in proportion.`,
    'A criterion that does not apply to your answers is left out, and the score is the share of the remaining points a device earns, out of 100. Devices with the same score are listed by name.',
    'Left out altogether: devices over your budget, or without an in-stock price in pounds when you set one; devices for a setting you did not choose; devices too long for the area.',
    'When the honest answer is a dermatologist or trained practitioner, we say so above the list, before any device.',
  ]
}
