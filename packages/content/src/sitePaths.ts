/**
 * Where each kind of document is shown on the site. Shared by the site's links (web/src/lib/urls.ts)
 * and the Studio's Presentation tool, which opens these pages in previews.
 */
export const sitePaths = {
  home: '/',
  devices: '/devices',
  device: (slug: string) => `/devices/${encodeURIComponent(slug)}`,
  compare: '/compare',
  comparison: (slug: string) => `/compare/${encodeURIComponent(slug)}`,
  guides: '/guides',
  guide: (slug: string) => `/guides/${encodeURIComponent(slug)}`,
  bestForGuides: '/best',
  bestForGuide: (slug: string) => `/best/${encodeURIComponent(slug)}`,
  disclosure: '/disclosure',
  about: '/about',
} as const
