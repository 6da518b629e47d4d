import type { MetadataRoute } from 'next'
import { absoluteUrl } from '@/lib/seo/urls'

export default function robots(): MetadataRoute.Robots {
  return {
    // Partner redirects are not pages, and crawling them would count clicks no one made.
    rules: { userAgent: '*', allow: '/', disallow: '/go/' },
    sitemap: absoluteUrl('/sitemap.xml'),
  }
}
