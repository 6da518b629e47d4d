import { bodyAreas, experienceLevels, finderSettings } from '@microneedling/content/finder'
import { concerns } from '@microneedling/content/vocabulary'
import Link from 'next/link'
import type { FinderFormValues } from '@/lib/finder/finderForm'
import { routes } from '@/lib/seo/urls'
import button from '../Button.module.css'
import styles from './FinderForm.module.css'

function RadioGroup({
  name,
  legend,
  options,
  checked,
}: {
  name: string
  legend: string
  options: readonly { value: string; title: string }[]
  checked: string
}) {
  return (
    <fieldset className={styles.group}>
      <legend>{legend}</legend>
      <div className={styles.options}>
        {options.map((option) => (
          <label key={option.value || 'none'} className={styles.option}>
            <input type="radio" name={name} value={option.value} defaultChecked={option.value === checked} />
            {option.title}
          </label>
        ))}
      </div>
    </fieldset>
  )
}

/**
 * The finder's five questions: a plain GET form, so it works without JavaScript, the answers stay
 * in the URL (a link to them can be shared), and it opens with the answers the URL holds.
 */
export function FinderForm({
  values,
  experience,
  heading,
}: {
  values: FinderFormValues
  /** The experience the ranking assumes when none is given, so one of the two is always chosen. */
  experience: string
  heading: string
}) {
  return (
    <form
      method="get"
      action={routes.finder}
      className={styles.form}
      aria-labelledby="finder-form-heading"
      data-testid="finder-form"
    >
      <h2 id="finder-form-heading" className={styles.heading}>
        {heading}
      </h2>
      <div className={styles.field}>
        <label htmlFor="finder-concern">What would you like to work on?</label>
        <select id="finder-concern" name="concern" defaultValue={values.concern}>
          <option value="">Nothing in particular</option>
          {concerns.map((concern) => (
            <option key={concern.value} value={concern.value}>
              {concern.title}
            </option>
          ))}
        </select>
      </div>
      <RadioGroup
        name="area"
        legend="Where on the body?"
        options={[{ value: '', title: 'Where that concern usually is' }, ...bodyAreas]}
        checked={values.area}
      />
      <RadioGroup
        name="experience"
        legend="Have you used a microneedling device before?"
        options={experienceLevels}
        checked={values.experience || experience}
      />
      <div className={styles.field}>
        <label htmlFor="finder-budget">Your budget, in pounds</label>
        <input
          id="finder-budget"
          name="budget"
          type="number"
          inputMode="decimal"
          min={1}
          step="any"
          defaultValue={values.budget}
          aria-describedby="finder-budget-hint"
        />
        <p id="finder-budget-hint" className={styles.hint}>
          The most you want to pay for the device. Leave it empty for no limit.
        </p>
      </div>
      <RadioGroup
        name="setting"
        legend="At home, or in a clinic?"
        options={[{ value: '', title: 'Show me both' }, ...finderSettings]}
        checked={values.setting}
      />
      <div className={styles.actions}>
        <button type="submit" className={button.button}>
          Find devices
        </button>
        <Link href={routes.finder}>Start again</Link>
      </div>
    </form>
  )
}
