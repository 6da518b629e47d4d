import { sitePaths } from '@microneedling/content/sitePaths'
import { defineDocuments, defineLocations, type PresentationPluginOptions } from 'sanity/presentation'

/**
 * Where the Presentation tool finds each document on the site (the same paths the site links to,
 * from @microneedling/content/sitePaths), and which document a page is mainly about.
 */

/** What the resolver reads of a document: devices have a `name`, comparisons and guides (of both kinds) a `title`. */
type Selected = { title?: string; name?: string; slug?: string } | null

function pageAndList(listTitle: string, listPath: string, pagePath: (slug: string) => string) {
  return defineLocations({
    select: { title: 'title', name: 'name', slug: 'slug.current' },
    resolve: (document: Selected) => {
      if (!document?.slug) return { message: 'Give it a slug to see it on the site.', tone: 'caution' }
      return {
        locations: [
          { title: document.title ?? document.name ?? 'Untitled', href: pagePath(document.slug) },
          { title: listTitle, href: listPath },
        ],
      }
    },
  })
}

export const locations: NonNullable<PresentationPluginOptions['resolve']>['locations'] = {
  device: pageAndList('All devices', sitePaths.devices, sitePaths.device),
  comparison: pageAndList('Compare devices', sitePaths.compare, sitePaths.comparison),
  guide: pageAndList('Guides', sitePaths.guides, sitePaths.guide),
  bestForGuide: pageAndList('Best-for guides', sitePaths.bestForGuides, sitePaths.bestForGuide),
  siteSettings: defineLocations({
    locations: [
      { title: 'Home page', href: sitePaths.home },
      { title: 'Affiliate disclosure', href: sitePaths.disclosure },
    ],
    message: 'Site settings appear on every page.',
    tone: 'positive',
  }),
}

export const mainDocuments = defineDocuments([
  { route: '/devices/:slug', filter: `(_type == "device") && (slug.current == $slug)` },
  { route: '/compare/:slug', filter: `(_type == "comparison") && (slug.current == $slug)` },
  { route: '/guides/:slug', filter: `(_type == "guide") && (slug.current == $slug)` },
  { route: '/best/:slug', filter: `(_type == "bestForGuide") && (slug.current == $slug)` },
])
