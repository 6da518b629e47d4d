/**
 * Cache tags: every loader tags what it reads, and the revalidation webhook expires the tags a
 * changed document affects. Kept in one place so the two sides agree.
 */
export const cacheTags = {
  settings: 'settings',
  devices: 'devices',
  device: (slug: string) => `device:${slug}`,
  comparisons: 'comparisons',
  comparison: (slug: string) => `comparison:${slug}`,
  guides: 'guides',
  guide: (slug: string) => `guide:${slug}`,
  bestForGuides: 'bestForGuides',
  bestForGuide: (slug: string) => `bestForGuide:${slug}`,
  authors: 'authors',
  partners: 'partners',
} as const
