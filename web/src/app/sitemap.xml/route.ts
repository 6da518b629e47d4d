import { getListedDeviceCount } from '@/lib/content/siteContent'
import { sitemapIds, sitemapIndexXml, sitemapUrl } from '@/lib/seo/sitemaps'

/** /sitemap.xml: an index of the sitemaps, so the catalogue can grow past one sitemap's 50,000 URLs. */
export async function GET(): Promise<Response> {
  const ids = sitemapIds(await getListedDeviceCount())
  return new Response(sitemapIndexXml(ids.map(sitemapUrl)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  })
}
