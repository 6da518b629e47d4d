import type { FinderPick, FinderResult } from '@microneedling/content/finder'
import type { DeviceSummary } from '@microneedling/content/schemas'
import type { ReactNode } from 'react'
import type { FinderCandidates } from '@/lib/finder/finderCandidates'
import { coverageSentence, describeAnswers, leftOutSummary, noPicksSentence } from '@/lib/finder/finderSummary'
import { FinderAdvice } from './FinderAdvice'
import styles from './FinderAnswer.module.css'
import { FinderLeftOut } from './FinderLeftOut'
import { FinderPicks } from './FinderPicks'

/**
 * The finder's answer, in the ranking's order: "see a professional" first when that is the honest
 * answer, then the caveats when a home device is listed, then the devices, best match first, and
 * what was left out.
 */
export function FinderAnswer({
  result,
  candidates,
  areaGiven,
  caveats,
}: {
  result: FinderResult<DeviceSummary>
  candidates: FinderCandidates<DeviceSummary>
  /** Whether the shopper chose the body area, or the ranking used the usual one for the concern. */
  areaGiven: boolean
  /** The home-device caveats, or null when no home device is listed. */
  caveats: ReactNode
}) {
  const picks = result.entries.filter((entry): entry is FinderPick<DeviceSummary> => entry.kind === 'device')
  const leftOut = leftOutSummary(result.answers, candidates, result.excluded.length)
  return (
    <div className={styles.answer} data-testid="finder-answer">
      {result.entries.map((entry) =>
        entry.kind === 'seeAProfessional' ? <FinderAdvice key={entry.kind} advice={entry} /> : null,
      )}
      {caveats}
      <section aria-labelledby="finder-short-list-heading" data-testid="finder-short-list">
        <h2 id="finder-short-list-heading">Your short list</h2>
        <ul className={styles.answers} aria-label="Your answers" data-testid="finder-answers-summary">
          {describeAnswers(result.answers, { areaGiven }).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className={styles.coverage} data-testid="finder-coverage">
          {coverageSentence(result.answers, candidates)}
        </p>
        {picks.length > 0 ? (
          <FinderPicks picks={picks} />
        ) : (
          <p className={styles.noPicks} data-testid="finder-no-picks">
            {noPicksSentence(result.answers)}
          </p>
        )}
        {leftOut ? <FinderLeftOut summary={leftOut} /> : null}
      </section>
    </div>
  )
}
