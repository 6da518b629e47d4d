import type { MetadataRoute } from 'next'
import {
  getComparison,
  getComparisonSummaries,
  getDevice,
  getDeviceSummaries,
  getGuide,
  getGuideSummaries,
} from '@/lib/content'
import { absoluteUrl, routes } from '@/lib/urls'

/** Only pages that render: each document is loaded as its page loads it, so one that fails is left out. */
async function renderable<T extends { slug: string; _updatedAt: string }>(
  list: () => Promise<{ slug: string }[]>,
  load: (slug: string) => Promise<T | null>,
): Promise<T[]> {
  const summaries = await list()
  const documents: (T | null)[] = await Promise.all(summaries.map(({ slug }) => load(slug)))
  return documents.filter((document): document is T => document !== null)
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [devices, comparisons, guides] = await Promise.all([
    renderable(getDeviceSummaries, getDevice),
    renderable(getComparisonSummaries, getComparison),
    renderable(getGuideSummaries, getGuide),
  ])
  const fixed = [routes.home, routes.devices, routes.compare, routes.guides, routes.about, routes.disclosure]
  return [
    ...fixed.map((path) => ({ url: absoluteUrl(path) })),
    ...devices.map((device) => ({ url: absoluteUrl(routes.device(device.slug)), lastModified: device._updatedAt })),
    ...comparisons.map((comparison) => ({
      url: absoluteUrl(routes.comparison(comparison.slug)),
      lastModified: comparison._updatedAt,
    })),
    ...guides.map((guide) => ({ url: absoluteUrl(routes.guide(guide.slug)), lastModified: guide._updatedAt })),
  ]
}
