import { type FinderQuestion, finderAnswerFields } from '@microneedling/content/finder'
import type { SearchParams } from '../catalogue/deviceFilters'

/**
 * The finder's form as the URL left it: a shared or bookmarked link, or the form sent back,
 * opens with the same answers chosen. Only answers the finder accepted are filled in; a refused
 * one is left blank (and its message shown), so the form never offers a value that is not used.
 */

export type FinderFormValues = Record<FinderQuestion, string>

const questions = Object.keys(finderAnswerFields) as FinderQuestion[]

function firstAnswer(given: string | string[] | undefined): string | undefined {
  return Array.isArray(given) ? given.find((value) => value.trim() !== '') : given
}

export function finderFormValues(searchParams: SearchParams): FinderFormValues {
  const values = {} as FinderFormValues
  for (const question of questions) {
    const parsed = finderAnswerFields[question].safeParse(firstAnswer(searchParams[question]))
    values[question] = parsed.success && parsed.data !== undefined ? String(parsed.data) : ''
  }
  return values
}

/** Whether the shopper has sent the form (or opened a link with answers): any of its questions is in the URL. */
export function hasFinderAnswers(searchParams: SearchParams): boolean {
  return questions.some((question) => searchParams[question] !== undefined)
}
