/**
 * Every page path the site's sitemaps list: /sitemap.xml is an index, and each sitemap it names is
 * read in turn. URLs point at NEXT_PUBLIC_SITE_URL, not at the test server, so only paths are kept.
 */
export async function sitemapPaths(siteUrl: string): Promise<string[]> {
  const locations = async (path: string) => {
    const response = await fetch(`${siteUrl}${path}`, { signal: AbortSignal.timeout(30_000) })
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
    const xml = await response.text()
    return { xml, paths: [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname) }
  }
  const index = await locations('/sitemap.xml')
  if (!index.xml.includes('<sitemapindex')) throw new Error('/sitemap.xml is not a sitemap index')
  const sitemaps = await Promise.all(index.paths.map(locations))
  return sitemaps.flatMap((sitemap) => sitemap.paths).sort()
}
