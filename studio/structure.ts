import type { IntendedUse } from '@microneedling/content/vocabulary'
import { BasketIcon } from '@sanity/icons/Basket'
import { BookIcon } from '@sanity/icons/Book'
import { CaseIcon } from '@sanity/icons/Case'
import { CogIcon } from '@sanity/icons/Cog'
import { HomeIcon } from '@sanity/icons/Home'
import { PackageIcon } from '@sanity/icons/Package'
import { SplitHorizontalIcon } from '@sanity/icons/SplitHorizontal'
import { TagIcon } from '@sanity/icons/Tag'
import { ThListIcon } from '@sanity/icons/ThList'
import { UserIcon } from '@sanity/icons/User'
import type { StructureBuilder, StructureResolver } from 'sanity/structure'

import { singletonDocumentIds } from './singletons.ts'

/** Record keyed by IntendedUse, so a new intended use in the vocabulary fails the type check here. */
const devicesByUse: Record<IntendedUse, { title: string; icon: typeof HomeIcon }> = {
  home: { title: 'Home devices', icon: HomeIcon },
  professional: { title: 'Professional devices', icon: CaseIcon },
}

function devicesWithUse(S: StructureBuilder, use: IntendedUse) {
  const { title, icon } = devicesByUse[use]
  return S.listItem()
    .id(`${use}-devices`)
    .title(title)
    .icon(icon)
    .child(
      S.documentList()
        .id(`${use}-devices`)
        .title(title)
        .schemaType('device')
        // Parenthesized so the filter means what it says if a clause is ever added.
        .filter('(_type == "device") && (intendedUse == $intendedUse)')
        .params({ intendedUse: use })
        .defaultOrdering([{ field: 'name', direction: 'asc' }]),
    )
}

function devices(S: StructureBuilder) {
  return S.listItem()
    .id('devices')
    .title('Devices')
    .icon(PackageIcon)
    .child(
      S.list()
        .id('devices')
        .title('Devices')
        .items([
          devicesWithUse(S, 'home'),
          devicesWithUse(S, 'professional'),
          S.divider(),
          S.documentTypeListItem('device').id('all-devices').title('All devices').icon(ThListIcon),
        ]),
    )
}

function siteSettings(S: StructureBuilder) {
  // Opens the one document with the fixed id, so "Settings" never shows a list to add to.
  return S.listItem()
    .id('siteSettings')
    .title('Settings')
    .icon(CogIcon)
    .child(S.document().schemaType('siteSettings').documentId(singletonDocumentIds.siteSettings).title('Site settings'))
}

export const structure: StructureResolver = (S) =>
  S.list()
    .title('Content')
    .items([
      devices(S),
      S.documentTypeListItem('comparison').title('Comparisons').icon(SplitHorizontalIcon),
      S.documentTypeListItem('guide').title('Guides').icon(BookIcon),
      S.divider(),
      S.documentTypeListItem('partner').title('Partners').icon(BasketIcon),
      S.documentTypeListItem('brand').title('Brands').icon(TagIcon),
      S.documentTypeListItem('author').title('Authors').icon(UserIcon),
      S.divider(),
      siteSettings(S),
    ])
