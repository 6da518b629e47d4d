import type { DeviceChoice } from '@microneedling/content/schemas'
import { formFactors, intendedUses, titleOf } from '@microneedling/content/vocabulary'
import Link from 'next/link'
import { maxCompared } from '@/lib/compare/compareSelection'
import { routes } from '@/lib/seo/urls'
import button from './Button.module.css'
import styles from './CompareDeviceFinder.module.css'

function ChoiceList({ choices, selected }: { choices: readonly DeviceChoice[]; selected: readonly string[] }) {
  return (
    <ul className={styles.choices}>
      {choices.map((choice) => (
        <li key={choice.slug} className={styles.choice}>
          <span>
            <span className={styles.choiceName}>{choice.name}</span>
            <span className={styles.choiceMeta}>
              {[choice.brand, titleOf(formFactors, choice.formFactor), titleOf(intendedUses, choice.intendedUse)]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </span>
          {/* nofollow: every set of two to four devices is a page; crawlers need not walk them all. */}
          <Link
            href={routes.compareDevices([...selected, choice.slug])}
            className={button.button}
            prefetch={false}
            rel="nofollow"
          >
            Add<span className="visually-hidden"> {choice.name}</span>
          </Link>
        </li>
      ))}
    </ul>
  )
}

/**
 * Finds a device to add without listing the catalogue: a search by name and brand (a plain GET
 * form, so it works without JavaScript; the chosen devices ride along as hidden fields), a few
 * results, and devices like the ones chosen as one-click suggestions.
 */
export function CompareDeviceFinder({
  selected,
  searchText,
  found,
  suggestions,
  suggestionsTitle,
}: {
  selected: readonly string[]
  searchText: string
  /** Search results, or null when nothing was searched. */
  found: readonly DeviceChoice[] | null
  suggestions: readonly DeviceChoice[]
  suggestionsTitle: string
}) {
  if (selected.length >= maxCompared) {
    return (
      <p className={styles.full}>
        You are comparing the most devices we show at once ({maxCompared}). Remove one to add another.
      </p>
    )
  }
  return (
    <section className={styles.finder} aria-labelledby="finder-heading">
      <h2 id="finder-heading" className={styles.heading}>
        {selected.length === 0 ? 'Choose a device' : 'Add a device'}
      </h2>
      <search>
        <form method="get" action={routes.compare} className={styles.search}>
          {selected.map((slug) => (
            <input key={slug} type="hidden" name="devices" value={slug} />
          ))}
          <label htmlFor="compare-search" className={styles.label}>
            Search by name or brand
          </label>
          <div className={styles.row}>
            <input
              id="compare-search"
              name="q"
              type="search"
              defaultValue={searchText}
              maxLength={100}
              autoComplete="off"
              placeholder="For example: titanium roller"
            />
            <button type="submit" className={button.button}>
              Search
            </button>
          </div>
        </form>
      </search>
      {found ? (
        <div aria-live="polite">
          <h3 className={styles.subheading}>
            {found.length === 0 ? `No device matches “${searchText}”` : `Devices matching “${searchText}”`}
          </h3>
          {found.length > 0 ? (
            <ChoiceList choices={found} selected={selected} />
          ) : (
            <p className={styles.none}>Try fewer or shorter words, or a brand name.</p>
          )}
        </div>
      ) : null}
      {suggestions.length > 0 ? (
        <div>
          <h3 className={styles.subheading}>{suggestionsTitle}</h3>
          <ChoiceList choices={suggestions} selected={selected} />
        </div>
      ) : null}
    </section>
  )
}
