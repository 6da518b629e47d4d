import { quotedInput } from '../text/formatting'

/**
 * Which devices /compare?devices=a,b,c shows. The query is whatever a visitor typed or shared, so
 * every problem becomes a sentence on the page (the page still answers 200), never an error.
 */

export const minCompared = 2
export const maxCompared = 4
/** More tokens than this are not even looked at: no one compares forty devices. */
const maxTokens = 20
const maxSlugLength = 96

export interface CompareSelection {
  /** Known, distinct slugs in the order given, at most four. */
  slugs: string[]
  notices: string[]
  /** True when at least two devices remain and the table can be drawn. */
  complete: boolean
}

/** Accepts `devices=a,b` and `devices=a&devices=b` (what the add-a-device GET form submits). */
export function requestedSlugs(raw: string | string[] | undefined): string[] {
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  return values
    .flatMap((value) => value.split(','))
    .map((slug) => slug.trim())
    .filter(Boolean)
    .slice(0, maxTokens)
}

export function resolveCompareSelection(
  raw: string | string[] | undefined,
  knownDevices: ReadonlyMap<string, { name: string }>,
): CompareSelection {
  const notices: string[] = []
  const seen = new Set<string>()
  const repeated: string[] = []
  const unknown: string[] = []
  const slugs: string[] = []

  for (const slug of requestedSlugs(raw)) {
    if (seen.has(slug)) {
      if (!repeated.includes(slug)) repeated.push(slug)
      continue
    }
    seen.add(slug)
    if (slug.length > maxSlugLength || !knownDevices.has(slug)) unknown.push(slug)
    else slugs.push(slug)
  }

  for (const slug of unknown) {
    notices.push(`We could not find a device called ${quotedInput(slug)}, so it is left out.`)
  }
  for (const slug of repeated) {
    const name = knownDevices.get(slug)?.name ?? slug
    notices.push(`${knownDevices.has(slug) ? name : quotedInput(slug)} was listed more than once; it is shown once.`)
  }
  if (slugs.length > maxCompared) {
    const dropped = slugs.splice(maxCompared)
    const names = dropped.map((slug) => knownDevices.get(slug)?.name ?? slug)
    notices.push(`You can compare up to ${maxCompared} devices at a time, so these were left out: ${names.join(', ')}.`)
  }
  const complete = slugs.length >= minCompared
  if (!complete) {
    notices.push(
      slugs.length === 0
        ? 'Choose at least two devices to compare.'
        : 'Add at least one more device to see a comparison.',
    )
  }
  return { slugs, notices, complete }
}
