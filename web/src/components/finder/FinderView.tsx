import type { FinderPick, FinderResult, ParsedFinderAnswers } from '@microneedling/content/finder'
import type { DeviceSummary, SiteSettings } from '@microneedling/content/schemas'
import Link from 'next/link'
import { homeDeviceCaveats, includesHomeDevice, medicalDisclaimer } from '@/lib/compliance/pageCompliance'
import type { FinderCandidates } from '@/lib/finder/finderCandidates'
import type { FinderFormValues } from '@/lib/finder/finderForm'
import { routes } from '@/lib/seo/urls'
import { HomeDeviceCaveats } from '../HomeDeviceCaveats'
import { MedicalDisclaimer } from '../MedicalDisclaimer'
import { Notices } from '../Notices'
import { FinderAnswer } from './FinderAnswer'
import { FinderForm } from './FinderForm'
import styles from './FinderView.module.css'

export interface FinderOutcome {
  result: FinderResult<DeviceSummary>
  candidates: FinderCandidates<DeviceSummary>
}

/**
 * /finder: the questions, and once they are answered, the short list. The finder links to device
 * pages, never straight to a shop: a shopper reads the review, every offer and when its price was
 * checked before following a partner link, and that page carries the disclosure before its links.
 * So this page has no partner link (and needs no disclosure), but like every page that shows a home
 * device it carries the caveats, and as a page about skin it ends with the medical disclaimer.
 */
export function FinderView({
  parsed,
  formValues,
  outcome,
  settings,
}: {
  parsed: ParsedFinderAnswers
  formValues: FinderFormValues
  /** Absent until the shopper has answered. */
  outcome: FinderOutcome | undefined
  settings: SiteSettings | null
}) {
  const picks =
    outcome?.result.entries.filter((entry): entry is FinderPick<DeviceSummary> => entry.kind === 'device') ?? []
  const caveats = includesHomeDevice(picks.map((pick) => pick.device)) ? (
    <HomeDeviceCaveats caveats={homeDeviceCaveats(settings)} />
  ) : null
  return (
    <>
      <div className="page-intro">
        <h1>Find a microneedling device</h1>
        <p className="lede">
          Five questions, then a short list of devices, each with the reasons it suits you or does not. When a
          dermatologist or trained practitioner is the better first step, we say so before any device.
        </p>
      </div>

      <Notices title="Some of your answers could not be used" messages={parsed.problems} />

      <div className={outcome ? styles.answered : styles.unanswered}>
        {outcome ? (
          <FinderAnswer
            result={outcome.result}
            candidates={outcome.candidates}
            areaGiven={formValues.area !== ''}
            caveats={caveats}
          />
        ) : null}
        <div className={styles.side}>
          <FinderForm
            values={formValues}
            experience={parsed.answers.experience}
            heading={outcome ? 'Change your answers' : 'Your answers'}
          />
          <p className={styles.method} data-testid="finder-method-link">
            Every device is scored the same way.{' '}
            <Link href={`${routes.about}#finder-method`}>How the finder ranks devices</Link>
          </p>
        </div>
      </div>

      <MedicalDisclaimer text={medicalDisclaimer(settings)} />
    </>
  )
}
