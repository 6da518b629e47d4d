import { maxCompared, minCompared, requestedSlugs } from '../compare/compareSelection'
import { isPlausibleSegment } from './knownPaths'

/** Where kept comparisons live inside the server; reached only through /compare (see the proxy). */
export const compareViewPrefix = '/compare/view/'

/**
 * The devices a /compare request names when it can be kept as a page: only `devices`, naming two
 * to four distinct slugs and nothing else (no search, no other parameter). Whether they are all
 * devices the site has is the proxy's check (lib/routing/knownPaths.ts). Anything else is rendered
 * for each request, with its messages.
 */
export function keptComparisonSlugs(searchParams: URLSearchParams): string[] | null {
  for (const key of searchParams.keys()) if (key !== 'devices') return null
  const slugs = requestedSlugs(searchParams.getAll('devices'))
  if (slugs.length < minCompared || slugs.length > maxCompared) return null
  if (new Set(slugs).size !== slugs.length || !slugs.every(isPlausibleSegment)) return null
  return slugs
}

/** The path of the kept comparison of these devices, in the order given (it is the table's order). */
export function keptComparisonPath(slugs: readonly string[]): string {
  return `${compareViewPrefix}${encodeURIComponent(slugs.join(','))}`
}

/** The devices of a kept comparison's path, or null for a path keptComparisonPath never gives. */
export function keptComparisonSlugsOfPath(pathname: string): string[] | null {
  const segment = pathname.slice(compareViewPrefix.length)
  if (!pathname.startsWith(compareViewPrefix) || !segment || segment.includes('/')) return null
  let list: string
  try {
    list = decodeURIComponent(segment)
  } catch {
    return null
  }
  const slugs = keptComparisonSlugs(new URLSearchParams({ devices: list }))
  return slugs && keptComparisonPath(slugs) === pathname ? slugs : null
}
