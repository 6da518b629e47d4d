/**
 * The device finder: the answers a shopper gives on /finder, and the ranked short list they get.
 * Pure logic, with no content source: the page loads devices and passes them in.
 */
export {
  type BodyArea,
  bodyAreas,
  defaultAreaFor,
  type ExperienceLevel,
  experienceLevels,
  type FinderAnswers,
  type FinderQuestion,
  finderAnswerFields,
  finderAnswersSchema,
  finderSettings,
  type ParsedFinderAnswers,
  parseFinderAnswers,
} from './answers.ts'
export { type ConcernGuidance, concernGuidance, homeDepthLimitMm } from './guidance.ts'
export { lowestBuyablePriceGbp } from './price.ts'
export {
  defaultFinderLimit,
  type FinderDevice,
  type FinderEntry,
  type FinderExclusion,
  type FinderOptions,
  type FinderPick,
  type FinderReason,
  type FinderResult,
  findDevices,
  type ProfessionalAdvice,
} from './rank.ts'
export { describeFinderWeights, type FinderCriterion, finderCredit, finderWeights, type ReasonKind } from './weights.ts'
