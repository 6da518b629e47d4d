import { z } from 'zod'
import { type Concern, concerns, type IntendedUse, type Term, valuesOf } from '../vocabulary.ts'

/**
 * The finder's questions and the answers it accepts, parsed from the query string of a plain GET
 * form. Every answer may be left out; an answer that is not one of the listed options is refused
 * with a message that names the question, never guessed at.
 */

export interface BodyAreaTerm extends Term {
  /** How the area reads inside a sentence: "the thin skin around the eyes". */
  description: string
  /** The longest needle we suggest there; a device longer than this even at its shortest is left out. */
  longestNeedleMm: number
  /** Above this (up to the longest), a device suits the area only with a light touch. */
  lightTouchAboveMm?: number
}

/**
 * Where on the body the device would be used, with the longest needle we suggest there. The
 * limits follow the devices the catalogue lists for each area: a 0.2 mm roller made for under the
 * eyes, 1.5 mm for thicker facial skin and the scalp, 2.0 mm for the thighs and abdomen.
 */

export const bodyAreas = [
  { value: 'face', title: 'Face', description: 'the face', longestNeedleMm: 1.5 },
  {
    value: 'eyes',
    title: 'Around the eyes',
    description: 'the thin skin around the eyes',
    longestNeedleMm: 0.25,
    lightTouchAboveMm: 0.2,
  },
  { value: 'scalp', title: 'Scalp', description: 'the scalp', longestNeedleMm: 1.5 },
  {
    value: 'body',
    title: 'Body, such as thighs or abdomen',
    description: 'body areas such as the thighs or abdomen',
    longestNeedleMm: 2.0,
  },
] as const satisfies readonly BodyAreaTerm[]
export type BodyArea = (typeof bodyAreas)[number]['value']

export const experienceLevels = [
  { value: 'firstTime', title: 'This would be my first time' },
  { value: 'experienced', title: 'I have used a microneedling device before' },
] as const satisfies readonly Term[]
export type ExperienceLevel = (typeof experienceLevels)[number]['value']

/** Who would use the device: the values are the vocabulary's intended uses, so devices match directly. */
export const finderSettings = [
  { value: 'home', title: 'At home, on myself' },
  { value: 'professional', title: 'In a clinic, by a trained practitioner' },
] as const satisfies readonly Term<IntendedUse>[]

/** The answers the ranking works from, with every default filled in. */
export interface FinderAnswers {
  /** Left out: devices are not scored on a concern. */
  concern?: Concern
  area: BodyArea
  experience: ExperienceLevel
  /** The most the shopper wants to pay, in pounds. Left out: no limit. */
  budgetGbp?: number
  /** Left out: home and professional devices are both ranked. */
  setting?: IntendedUse
}

/** Without an answer, the area is the one the concern is usually about, and experience is assumed to be none. */
const defaultAreaByConcern: Partial<Record<Concern, BodyArea>> = { alopecia: 'scalp', stretchMarks: 'body' }
export const defaultExperience: ExperienceLevel = 'firstTime'

export function defaultAreaFor(concern: Concern | undefined): BodyArea {
  return (concern && defaultAreaByConcern[concern]) ?? 'face'
}

/** A GET form sends an empty string for an unanswered select: that is no answer, not a wrong one. */
function blankAsMissing(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

/** "50", "49.99" or "£50" become a number; anything else is left for the schema to refuse. */
function poundsAsNumber(value: unknown): unknown {
  const answer = blankAsMissing(value)
  if (typeof answer !== 'string') return answer
  const amount = answer.replace(/^£\s*/, '')
  return /^\d{1,9}(\.\d{1,2})?$/.test(amount) ? Number(amount) : answer
}

const maxBudgetGbp = 1_000_000

/** One schema per question, keyed by its query-string name; each message names the question. */
export const finderAnswerFields = {
  concern: z
    .preprocess(
      blankAsMissing,
      z.enum(valuesOf(concerns), { error: 'Skin concern: choose one of the listed concerns.' }).optional(),
    )
    .optional(),
  area: z
    .preprocess(
      blankAsMissing,
      z.enum(valuesOf(bodyAreas), { error: 'Body area: choose one of the listed areas.' }).optional(),
    )
    .optional(),
  experience: z
    .preprocess(
      blankAsMissing,
      z
        .enum(valuesOf(experienceLevels), {
          error: 'Experience: choose whether this would be your first time or not.',
        })
        .optional(),
    )
    .optional(),
  budget: z
    .preprocess(
      poundsAsNumber,
      z
        .number({ error: 'Budget: enter an amount in pounds, such as 50.' })
        .positive('Budget: enter an amount above £0.')
        .max(maxBudgetGbp, `Budget: enter an amount of £${maxBudgetGbp.toLocaleString('en-GB')} or less.`)
        .optional(),
    )
    .optional(),
  setting: z
    .preprocess(
      blankAsMissing,
      z.enum(valuesOf(finderSettings), { error: 'Setting: choose home use or a clinic.' }).optional(),
    )
    .optional(),
} as const

export type FinderQuestion = keyof typeof finderAnswerFields
const questions = Object.keys(finderAnswerFields) as FinderQuestion[]

/** How each question is named in a message to the shopper. */
const questionNames: Record<FinderQuestion, string> = {
  concern: 'skin concern',
  area: 'body area',
  experience: 'experience',
  budget: 'budget',
  setting: 'setting',
}

type RawAnswers = { [Question in FinderQuestion]?: z.output<(typeof finderAnswerFields)[Question]> }

function withDefaults(raw: RawAnswers): FinderAnswers {
  const answers: FinderAnswers = {
    area: raw.area ?? defaultAreaFor(raw.concern),
    experience: raw.experience ?? defaultExperience,
  }
  if (raw.concern !== undefined) answers.concern = raw.concern
  if (raw.budget !== undefined) answers.budgetGbp = raw.budget
  if (raw.setting !== undefined) answers.setting = raw.setting
  return answers
}

/**
 * The finder's answers from a query string's values. Unknown keys (tracking parameters and the
 * like) are ignored; an unknown value for a known question fails the parse.
 */
export const finderAnswersSchema = z.object(finderAnswerFields).transform(withDefaults)

export type SearchParams = Record<string, string | string[] | undefined>

export interface ParsedFinderAnswers {
  answers: FinderAnswers
  /** One sentence per answer that was refused or only partly used, for the shopper to read. */
  problems: string[]
}

/**
 * For the page: each refused answer is left out with its message and the rest still count, so a
 * shopper with one mistyped answer still gets a list, and is told which answer was not used.
 */
export function parseFinderAnswers(searchParams: SearchParams): ParsedFinderAnswers {
  const raw: Record<string, unknown> = {}
  const problems: string[] = []
  for (const question of questions) {
    const given = searchParams[question]
    const values = Array.isArray(given) ? given.filter((value) => value.trim() !== '') : [given]
    if (values.length > 1) problems.push(`Only your first answer for ${questionNames[question]} was used.`)
    const result = finderAnswerFields[question].safeParse(values[0])
    if (result.success) raw[question] = result.data
    else problems.push(...result.error.issues.map((issue) => issue.message))
  }
  return { answers: withDefaults(raw as RawAnswers), problems }
}
