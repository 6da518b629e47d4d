import { deviceSortOrders } from '@microneedling/content/deviceList'
import type { DeviceFacetCounts } from '@microneedling/content/schemas'
import {
  concerns,
  formFactors,
  intendedUses,
  needleLengthLimitsMm,
  needleMaterials,
} from '@microneedling/content/vocabulary'
import Link from 'next/link'
import type { DeviceFilters } from '@/lib/catalogue/deviceFilters'
import { routes } from '@/lib/seo/urls'
import button from './Button.module.css'
import styles from './DeviceFilterForm.module.css'

function Select({
  id,
  name,
  text,
  value,
  anyText,
  options,
}: {
  id: string
  name: string
  text: string
  value: string | undefined
  anyText: string
  options: readonly { value: string; title: string }[]
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{text}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{anyText}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.title}
          </option>
        ))}
      </select>
    </div>
  )
}

function NumberField({
  id,
  name,
  text,
  value,
  min,
  max,
  step,
}: {
  id: string
  name: string
  text: string
  value: number | undefined
  min: number
  max?: number
  step: string
}) {
  return (
    <div className={`${styles.field} ${styles.numberField}`}>
      <label htmlFor={id}>{text}</label>
      <input
        id={id}
        name={name}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        defaultValue={value ?? ''}
      />
    </div>
  )
}

const countFormat = new Intl.NumberFormat('en-GB')

/** Each option with how many devices choosing it would give, the other filters kept as they are. */
function withCounts<Option extends { value: string; title: string }>(
  options: readonly Option[],
  counts: readonly { value: string; count: number }[],
): Option[] {
  const byValue = new Map(counts.map((entry) => [entry.value, entry.count]))
  return options.map((option) => {
    const count = byValue.get(option.value)
    return count === undefined ? option : { ...option, title: `${option.title} (${countFormat.format(count)})` }
  })
}

/** The filters chosen from a list, each option with its count. */
const facetSelects: readonly {
  name: 'form' | 'material' | 'concern'
  text: string
  terms: readonly { value: string; title: string }[]
}[] = [
  { name: 'form', text: 'Form factor', terms: formFactors },
  { name: 'material', text: 'Needle material', terms: needleMaterials },
  { name: 'concern', text: 'Skin concern', terms: concerns },
]

/** The /devices filters: a plain GET form, so it works without JavaScript and the URL can be shared. */
export function DeviceFilterForm({ filters, facets }: { filters: DeviceFilters; facets: DeviceFacetCounts }) {
  return (
    <form method="get" action={routes.devices} className={styles.filters} aria-labelledby="filters-heading">
      <h2 id="filters-heading" className={styles.heading}>
        Filter and sort
      </h2>
      <fieldset className={styles.fieldGroup}>
        <legend>Use</legend>
        <div className={styles.radioRow}>
          {[{ value: '', title: 'Any' }, ...withCounts(intendedUses, facets.use)].map((use) => (
            <label key={use.value || 'any'} className={styles.radio}>
              <input type="radio" name="use" value={use.value} defaultChecked={(filters.use ?? '') === use.value} />
              {use.title}
            </label>
          ))}
        </div>
      </fieldset>
      {facetSelects.map(({ name, text, terms }) => (
        <Select
          key={name}
          id={`filter-${name}`}
          name={name}
          text={text}
          value={filters[name]}
          anyText="Any"
          options={withCounts(terms, facets[name])}
        />
      ))}
      <Select
        id="filter-sort"
        name="sort"
        text="Sort by"
        value={filters.sort === 'rating' ? undefined : filters.sort}
        anyText="Highest rated first"
        options={deviceSortOrders.filter((option) => option.value !== 'rating')}
      />
      <fieldset className={styles.fieldGroup}>
        <legend>Needle length (mm)</legend>
        <div className={styles.rangeRow}>
          <NumberField
            id="filter-min-needle"
            name="minNeedle"
            text="From"
            value={filters.minNeedle}
            min={0}
            max={needleLengthLimitsMm.max}
            step="0.05"
          />
          <NumberField
            id="filter-max-needle"
            name="maxNeedle"
            text="To"
            value={filters.maxNeedle}
            min={0}
            max={needleLengthLimitsMm.max}
            step="0.05"
          />
        </div>
      </fieldset>
      <fieldset className={styles.fieldGroup}>
        <legend>Price (lowest offer)</legend>
        <div className={styles.rangeRow}>
          <NumberField id="filter-min-price" name="minPrice" text="From" value={filters.minPrice} min={0} step="any" />
          <NumberField id="filter-max-price" name="maxPrice" text="To" value={filters.maxPrice} min={0} step="any" />
        </div>
        <p className={styles.hint}>In the shop&apos;s own currency; most prices are in pounds.</p>
      </fieldset>
      <fieldset className={styles.fieldGroup}>
        <legend>First-year cost (£)</legend>
        <div className={styles.rangeRow}>
          <NumberField
            id="filter-max-first-year"
            name="maxFirstYear"
            text="Up to"
            value={filters.maxFirstYear}
            min={0}
            step="any"
          />
        </div>
        <p className={styles.hint}>
          The device and a year of the heads, cartridges or replacements it uses on a typical schedule. Devices we
          cannot work it out for are left out.
        </p>
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" className={button.button}>
          Show devices
        </button>
        <Link href={routes.devices}>Clear all filters</Link>
      </div>
    </form>
  )
}
