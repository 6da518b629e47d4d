import { cacheTags } from '@microneedling/content/cacheTags'
import { z } from 'zod'

/**
 * Which cached content a changed document affects, for the signed webhook at /api/revalidate.
 *
 * The webhook in Sanity's dashboard sends this projection (see the README, "Connecting a real
 * Sanity project"):
 *
 *   { _type, _id, "slug": coalesce(after().slug.current, before().slug.current), "previousSlug": before().slug.current }
 *
 * Loaders tag every query with what it reads (packages/content/src/cacheTags.ts), so a page is
 * refreshed when any tag it was cached under is expired:
 * - device pages and comparison pages read devices (tag `devices`), with their brand, offers'
 *   partners and reviewers embedded;
 * - lists of comparisons show device names;
 * - guide pages read their authors (tag `authors`);
 * - "best for" guide pages read their picks' and competitors' devices (tag `devices`) and their
 *   authors (tag `authors`), so a change to one of those devices refreshes the guide too;
 * - every page reads the site settings through the layout (tag `settings`).
 */

export const webhookPayloadSchema = z.object({
  _type: z.string().min(1),
  _id: z.string().min(1),
  slug: z.string().nullish(),
  /** The slug before this change: a renamed or deleted document's old page must stop showing it. */
  previousSlug: z.string().nullish(),
})
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>

/** Every tag a loader uses for a whole kind of content (not the per-document ones). */
const everyListTag = [
  cacheTags.settings,
  cacheTags.devices,
  cacheTags.comparisons,
  cacheTags.guides,
  cacheTags.bestForGuides,
  cacheTags.authors,
  cacheTags.partners,
]

export function tagsToRevalidate(payload: WebhookPayload): string[] {
  const slugs = [...new Set([payload.slug, payload.previousSlug].filter((slug): slug is string => Boolean(slug)))]
  let tags: string[]
  switch (payload._type) {
    case 'device':
      tags = [...slugs.map(cacheTags.device), cacheTags.devices, cacheTags.comparisons]
      break
    case 'comparison':
      tags = [...slugs.map(cacheTags.comparison), cacheTags.comparisons]
      break
    case 'guide':
      tags = [...slugs.map(cacheTags.guide), cacheTags.guides]
      break
    case 'bestForGuide':
      tags = [...slugs.map(cacheTags.bestForGuide), cacheTags.bestForGuides]
      break
    case 'partner':
      // Offers embed their partner (name, allowed hosts); /go/ reads the partner's rules.
      tags = [cacheTags.partners, cacheTags.devices]
      break
    case 'brand':
      tags = [cacheTags.devices]
      break
    case 'author':
      // Device pages embed their writer and medical reviewer; guide pages are tagged `authors`.
      tags = [cacheTags.authors, cacheTags.devices]
      break
    case 'siteSettings':
      tags = everyListTag
      break
    default:
      tags = []
  }
  return [...new Set(tags)]
}
