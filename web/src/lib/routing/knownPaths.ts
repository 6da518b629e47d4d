import { loadKnownPaths } from '@microneedling/content/loaders'
import type { ContentSource } from '@microneedling/content/source/types'
import { processWide } from '../processWide'

/**
 * Addresses anyone can invent (/devices/<anything>, /go/<anything>/<anything>) must not each cost a
 * Content Lake query and leave an entry in the data cache and the page cache. So the proxy checks
 * them first: a segment that cannot be a slug or key is refused outright, and any other is looked
 * up in the set of addresses the site has (one query, kept here for `maxAgeMs` and dropped by the
 * revalidation webhook). Memory is bounded by the catalogue, never by the requests.
 *
 * Unknown pages then get the prebuilt not-found page: a page that calls notFound() while rendering
 * on demand answers with an empty shell that only JavaScript fills in (vercel/next.js#62228).
 */

/** Slugs and offer keys as the Studio and Sanity make them, with room for imported ones. */
const plausibleSegment = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

export function isPlausibleSegment(segment: string): boolean {
  return plausibleSegment.test(segment)
}

export type PageKind = 'device' | 'comparison' | 'guide' | 'bestForGuide'

const kindOfSection: Record<string, PageKind> = {
  devices: 'device',
  compare: 'comparison',
  guides: 'guide',
  best: 'bestForGuide',
}

/** The kind and slug of a document page's path, or null for any other path. */
export function documentPage(pathname: string): { kind: PageKind; slug: string } | null {
  const match = /^\/(devices|compare|guides|best)\/([^/]+)\/?$/.exec(pathname)
  if (!match) return null
  let slug: string
  try {
    slug = decodeURIComponent(match[2]!)
  } catch {
    slug = ''
  }
  return { kind: kindOfSection[match[1]!]!, slug }
}

interface KnownPathSets {
  device: Map<string, ReadonlySet<string>>
  comparison: ReadonlySet<string>
  guide: ReadonlySet<string>
  bestForGuide: ReadonlySet<string>
}

interface Copy {
  loaded?: { sets: KnownPathSets; at: number; generation: number }
  loading?: Promise<KnownPathSets>
  /** When the last load failed: for a few seconds, callers are told at once that nothing is known. */
  failedAt?: number
}

/** While the content source does not answer, one attempt every few seconds is enough. */
const retryAfterFailureMs = 5_000

export class KnownPathsUnavailableError extends Error {
  override name = 'KnownPathsUnavailableError'
}

interface Holder {
  /** Raised by the webhook: copies from an earlier generation are not trusted. */
  generation: number
  copies: WeakMap<ContentSource, Copy>
}

// Process-wide: the proxy and the webhook route are separate bundles in one server process.
const holder = () => processWide<Holder>('knownPaths', () => ({ generation: 0, copies: new WeakMap() }))

/** How long this process trusts its copy; the webhook drops it sooner, on this server. */
export const knownPathsMaxAgeMs = 30_000

/**
 * Past `knownPathsMaxAgeMs`, the copy still answers while a fresh one loads, so no shopper's
 * request waits for the whole list (or fails while the content source is down); past this, or
 * after a webhook, requests wait for the fresh copy.
 */
export const knownPathsStaleLimitMs = 10 * 60_000

async function knownPathSets(source: ContentSource, now: number): Promise<KnownPathSets> {
  const state = holder()
  let copy = state.copies.get(source)
  if (!copy) {
    copy = {}
    state.copies.set(source, copy)
  }
  const { loaded } = copy
  if (loaded && loaded.generation === state.generation) {
    const age = now - loaded.at
    if (age < knownPathsMaxAgeMs) return loaded.sets
    if (age < knownPathsStaleLimitMs) {
      if (copy.failedAt === undefined || now - copy.failedAt >= retryAfterFailureMs) {
        refresh(source, copy, state.generation, now).catch((error: unknown) => {
          console.error(`[known paths] kept the copy from ${Math.round(age / 1000)} s ago: ${String(error)}`)
        })
      }
      return loaded.sets
    }
  }
  if (copy.failedAt !== undefined && now - copy.failedAt < retryAfterFailureMs)
    throw new KnownPathsUnavailableError('the content source did not answer a moment ago')
  return refresh(source, copy, state.generation, now)
}

/** Loads the lists once however many requests ask at the same time. */
function refresh(source: ContentSource, copy: Copy, generation: number, now: number): Promise<KnownPathSets> {
  copy.loading ??= loadKnownPaths(source)
    .then((known): KnownPathSets => {
      const sets = {
        device: new Map(
          known.devices.map((device) => [
            device.slug,
            new Set((device.offerKeys ?? []).filter((key): key is string => key !== null)),
          ]),
        ),
        comparison: new Set(known.comparisons.map((comparison) => comparison.slug)),
        guide: new Set(known.guides.map((guide) => guide.slug)),
        bestForGuide: new Set(known.bestForGuides.map((guide) => guide.slug)),
      }
      copy.loaded = { sets, at: now, generation }
      copy.failedAt = undefined
      return sets
    })
    .catch((error: unknown) => {
      copy.failedAt = now
      throw error
    })
    .finally(() => {
      copy.loading = undefined
    })
  return copy.loading
}

/** Whether the site has a page at this kind and slug; throws when the content source cannot say. */
export async function isKnownPage(source: ContentSource, kind: PageKind, slug: string, now = Date.now()) {
  if (!isPlausibleSegment(slug)) return false
  const sets = await knownPathSets(source, now)
  return kind === 'device' ? sets.device.has(slug) : sets[kind].has(slug)
}

/** Whether the device has an offer with this key; throws when the content source cannot say. */
export async function isKnownOffer(source: ContentSource, device: string, offer: string, now = Date.now()) {
  if (!isPlausibleSegment(device) || !isPlausibleSegment(offer)) return false
  return (await knownPathSets(source, now)).device.get(device)?.has(offer) ?? false
}

/** Published content changed: the next check asks the content source again. */
export function forgetKnownPaths(): void {
  holder().generation += 1
}

/** Where unknown pages are sent inside the server: no route can match a `_` folder, so Next answers its static 404. */
export const notFoundRewritePath = '/_unknown'
