import type { FilterDefault } from '@sanity/client/stega'

/** Strips stega encoding: for metadata, JSON-LD and anything else that is not shown as text. */
export { stegaClean } from '@sanity/client/stega'

/**
 * Fields whose text may carry stega encoding in previews: free text an editor writes and a reader
 * sees. Everything else stays clean, because the zod schemas check it against the vocabulary
 * (`intendedUse`, `formFactor`, `currency`...) or it becomes part of a URL, a date or a number, and
 * invisible characters there would make a valid document fail its schema in draft mode only.
 */
export const stegaTextFields: ReadonlySet<string> = new Set([
  'name',
  'siteName',
  'tagline',
  'title',
  'summary',
  'verdict',
  'pros',
  'cons',
  'care',
  'text',
  'statement',
  'details',
  'alt',
  'credentials',
  'affiliateDisclosureShort',
  'medicalDisclaimer',
])

/** The last field name in a result path: `['devices', 2, 'pros', 0]` -> `pros`. */
export function lastFieldName(path: readonly (string | number | object)[]): string | undefined {
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const segment = path[index]
    if (typeof segment === 'string') return segment
  }
  return undefined
}

export const stegaFilter: FilterDefault = (props) => {
  const field = lastFieldName(props.resultPath)
  return field !== undefined && stegaTextFields.has(field) && props.filterDefault(props)
}
