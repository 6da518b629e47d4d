import { partnerLinkPath } from '@microneedling/content/partnerLinks'
import { sitePaths } from '@microneedling/content/sitePaths'
import { siteUrl } from '../env/siteEnvironment'

/** An absolute URL on this site, for canonical links, Open Graph, JSON-LD and the sitemap. */
export function absoluteUrl(path: string, base: string = siteUrl): string {
  return new URL(path, `${base}/`).toString()
}

export const routes = {
  home: sitePaths.home,
  devices: sitePaths.devices,
  device: sitePaths.device,
  compare: sitePaths.compare,
  compareDevices: (slugs: readonly string[]) =>
    slugs.length === 0 ? '/compare' : `/compare?devices=${slugs.map(encodeURIComponent).join(',')}`,
  comparison: sitePaths.comparison,
  guides: sitePaths.guides,
  guide: sitePaths.guide,
  bestForGuides: sitePaths.bestForGuides,
  bestForGuide: sitePaths.bestForGuide,
  homeVersusProfessionalGuide: '/guides/home-vs-professional-microneedling',
  disclosure: sitePaths.disclosure,
  pictograms: '/pictograms.svg',
  about: sitePaths.about,
  finder: '/finder',
  author: (slug: string) => `/about#author-${encodeURIComponent(slug)}`,
  partner: partnerLinkPath,
} as const
