import {
  bodyAreas,
  experienceLevels,
  type FinderAnswers,
  type FinderCriterion,
  finderSettings,
  type ReasonKind,
} from '@microneedling/content/finder'
import { formatPrice } from '@microneedling/content/formatting'
import { concerns, titleOf } from '@microneedling/content/vocabulary'
import { listInWords } from '../text/formatting'
import type { FinderCandidates } from './finderCandidates'

/** The finder's answers, results and method in the shopper's words. */

/** Each criterion's name, where the finder shows points and where the methodology page lists the weights. */
export const finderCriterionTitles: Record<FinderCriterion, string> = {
  concern: 'Skin concern',
  depth: 'Needle depth',
  experience: 'Experience',
  area: 'Body area',
  rating: 'Our rating',
}

/** Said in words next to each reason, so its kind never rests on colour or an icon alone. */
export const reasonKindLabels: Record<ReasonKind, string> = {
  fits: 'Fits',
  caution: 'Caution',
  doesNotFit: 'Does not fit',
}

const countFormat = new Intl.NumberFormat('en-GB')
const pointsFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

function formatCount(count: number): string {
  return countFormat.format(count)
}

export function formatPoints(points: number): string {
  return pointsFormat.format(points)
}

function devicesInWords(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'device' : 'devices'}`
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)

/** One short line per question, as the ranking understood it (defaults included, and said to be defaults). */
export function describeAnswers(answers: FinderAnswers, { areaGiven }: { areaGiven: boolean }): string[] {
  const area = bodyAreas.find((candidate) => candidate.value === answers.area)!
  return [
    answers.concern ? `Skin concern: ${lowerFirst(titleOf(concerns, answers.concern))}` : 'No particular skin concern',
    `Body area: ${area.description}${areaGiven ? '' : ' (the usual area for your answers)'}`,
    titleOf(experienceLevels, answers.experience),
    answers.budgetGbp !== undefined ? `Budget: up to ${formatPrice(answers.budgetGbp, 'GBP')}` : 'No budget limit',
    answers.setting ? titleOf(finderSettings, answers.setting) : 'Home or clinic: either',
  ]
}

/** The answers that decide whether a device is ranked at all, in words ("your setting, budget and body area"). */
function limitsInWords(answers: FinderAnswers): string {
  const limits = [answers.setting ? 'setting' : undefined, answers.budgetGbp !== undefined ? 'budget' : undefined]
  return `your ${listInWords([...limits.filter((limit) => limit !== undefined), 'body area'])}`
}

/** How much of the catalogue the short list was drawn from, so a capped ranking says so. */
export function coverageSentence(answers: FinderAnswers, candidates: FinderCandidates<unknown>): string {
  const { matching, forConcern } = candidates
  const fit = `${devicesInWords(matching.total)} ${matching.total === 1 ? 'fits' : 'fit'} ${limitsInWords(answers)}`
  if (candidates.devices.length >= matching.total) {
    return matching.total === 0 ? `No device fits ${limitsInWords(answers)}.` : `${fit}; we ranked them all.`
  }
  const best = `${fit}; we ranked the ${formatCount(matching.ranked)} best rated of them`
  if (!forConcern || !answers.concern) return `${best}.`
  const listed =
    forConcern.ranked >= forConcern.total
      ? forConcern.total === 1
        ? 'the one'
        : `all ${formatCount(forConcern.total)}`
      : `the ${formatCount(forConcern.ranked)} best rated of the ${formatCount(forConcern.total)}`
  return `${best}, and ${listed} our editors list for ${lowerFirst(titleOf(concerns, answers.concern))}.`
}

export interface LeftOutSummary {
  /** "12 devices left out, each for at least one of these reasons:" */
  heading: string
  reasons: string[]
}

/**
 * The devices the answers rule out, counted together: those the list query left out (the rest of
 * the catalogue) and those the ranking left out of what it was given (over the exact budget, or
 * priced only in another currency).
 */
export function leftOutSummary(
  answers: FinderAnswers,
  candidates: FinderCandidates<unknown>,
  excludedByRanking: number,
): LeftOutSummary | undefined {
  const count = candidates.catalogueSize - candidates.matching.total + excludedByRanking
  if (count <= 0) return undefined
  const area = bodyAreas.find((candidate) => candidate.value === answers.area)!
  const reasons = [
    answers.setting === 'home' ? 'Made for trained practitioners, and you asked for home use.' : undefined,
    answers.setting === 'professional' ? 'Made for home use, and you asked for devices a clinic uses.' : undefined,
    answers.budgetGbp !== undefined
      ? `Over your ${formatPrice(answers.budgetGbp, 'GBP')} budget, or without an in-stock price in pounds to check against it.`
      : undefined,
    `Needles too long for ${area.description}, even at their shortest setting.`,
  ].filter((reason) => reason !== undefined)
  return {
    heading:
      reasons.length === 1
        ? `${devicesInWords(count)} left out:`
        : `${devicesInWords(count)} left out, each for at least one of these reasons:`,
    reasons,
  }
}

/** When nothing is left to rank: which answers to loosen, of those that rule devices out. */
export function noPicksSentence(answers: FinderAnswers): string {
  const loosen = [
    answers.budgetGbp !== undefined ? 'a higher budget' : undefined,
    answers.setting ? 'showing both home and clinic devices' : undefined,
  ].filter((change) => change !== undefined)
  const none = 'No device fits all of your answers.'
  return loosen.length > 0 ? `${none} Try ${loosen.join(', or ')}.` : `${none} Try another body area.`
}
