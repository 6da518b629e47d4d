import type { MetadataRoute } from 'next'
import { getListedDeviceCount, getSitemapEntries } from '@/lib/content/siteContent'
import { devicesPerSitemap, sitemapIds } from '@/lib/seo/sitemaps'
import { absoluteUrl, routes } from '@/lib/seo/urls'

/** One sitemap per 45,000 devices, listed by /sitemap.xml; the first also has every other page. */
export async function generateSitemaps() {
  return sitemapIds(await getListedDeviceCount()).map((id) => ({ id }))
}

export default async function sitemap(props: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  const id = Number(await props.id)
  const start = id * devicesPerSitemap
  const first = id === 0
  const { devices, comparisons, guides, bestForGuides } = await getSitemapEntries(
    start,
    start + devicesPerSitemap,
    first,
  )
  const fixed = first
    ? [
        routes.home,
        routes.devices,
        routes.finder,
        routes.compare,
        routes.guides,
        routes.bestForGuides,
        routes.about,
        routes.disclosure,
      ]
    : []
  return [
    ...fixed.map((path) => ({ url: absoluteUrl(path) })),
    ...devices.map((device) => ({ url: absoluteUrl(routes.device(device.slug)), lastModified: device._updatedAt })),
    ...comparisons.map((comparison) => ({
      url: absoluteUrl(routes.comparison(comparison.slug)),
      lastModified: comparison._updatedAt,
    })),
    ...guides.map((guide) => ({ url: absoluteUrl(routes.guide(guide.slug)), lastModified: guide._updatedAt })),
    ...bestForGuides.map((guide) => ({
      url: absoluteUrl(routes.bestForGuide(guide.slug)),
      lastModified: guide._updatedAt,
    })),
  ]
}
