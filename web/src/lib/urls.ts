import { partnerLinkPath } from '@microneedling/content/partnerLinks'
import { siteUrl } from './environment'

/** An absolute URL on this site, for canonical links, Open Graph, JSON-LD and the sitemap. */
export function absoluteUrl(path: string, base: string = siteUrl): string {
  return new URL(path, `${base}/`).toString()
}

export const routes = {
  home: '/',
  devices: '/devices',
  device: (slug: string) => `/devices/${encodeURIComponent(slug)}`,
  compare: '/compare',
  compareDevices: (slugs: readonly string[]) =>
    slugs.length === 0 ? '/compare' : `/compare?devices=${slugs.map(encodeURIComponent).join(',')}`,
  comparison: (slug: string) => `/compare/${encodeURIComponent(slug)}`,
  guides: '/guides',
  guide: (slug: string) => `/guides/${encodeURIComponent(slug)}`,
  homeVersusProfessionalGuide: '/guides/home-vs-professional-microneedling',
  disclosure: '/disclosure',
  about: '/about',
  author: (slug: string) => `/about#author-${encodeURIComponent(slug)}`,
  partner: partnerLinkPath,
} as const
