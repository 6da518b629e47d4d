import { stegaClean } from '@microneedling/content/source/stega'
import type { Metadata } from 'next'
import { fallbackSiteName } from '../compliance/fallbackCopy'
import { getSiteSettings } from '../content/siteContent'
import { absoluteUrl } from './urls'

/**
 * Title, description, absolute canonical URL and Open Graph tags for one page. Text from previews
 * can carry stega encoding (draft mode); metadata never does, so it is cleaned here.
 */
export async function pageMetadata({
  title: possiblyEncodedTitle,
  description: possiblyEncodedDescription,
  path,
  type = 'website',
  noIndex = false,
}: {
  title: string
  description: string
  path: string
  type?: 'website' | 'article'
  noIndex?: boolean
}): Promise<Metadata> {
  const settings = await getSiteSettings()
  const url = absoluteUrl(path)
  const title = stegaClean(possiblyEncodedTitle)
  const description = stegaClean(possiblyEncodedDescription)
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: {
      title,
      description,
      url,
      siteName: stegaClean(settings?.siteName ?? fallbackSiteName),
      type,
      locale: 'en_GB',
    },
    twitter: { card: 'summary', title, description },
    ...(noIndex ? { robots: { index: false, follow: true } } : {}),
  }
}

/** Descriptions are cut at a word near 160 characters, as search results show them. */
export function metaDescription(text: string, limit = 160): string {
  const clean = stegaClean(text).replace(/\s+/g, ' ').trim()
  if (clean.length <= limit) return clean
  const cut = clean.slice(0, limit - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 80 ? cut.lastIndexOf(' ') : cut.length)}…`
}
