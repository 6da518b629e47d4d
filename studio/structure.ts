import { defaultApiVersion } from '@microneedling/content/apiVersion'
import { editorialChecks } from '@microneedling/content/editorialChecks'
import type { IntendedUse } from '@microneedling/content/vocabulary'
import { BasketIcon } from '@sanity/icons/Basket'
import { BookIcon } from '@sanity/icons/Book'
import { CalendarIcon } from '@sanity/icons/Calendar'
import { CaseIcon } from '@sanity/icons/Case'
import { ClockIcon } from '@sanity/icons/Clock'
import { CogIcon } from '@sanity/icons/Cog'
import { EmptyIcon } from '@sanity/icons/Empty'
import { HomeIcon } from '@sanity/icons/Home'
import { PackageIcon } from '@sanity/icons/Package'
import { SplitHorizontalIcon } from '@sanity/icons/SplitHorizontal'
import { StarIcon } from '@sanity/icons/Star'
import { TagIcon } from '@sanity/icons/Tag'
import { TaskIcon } from '@sanity/icons/Task'
import { ThListIcon } from '@sanity/icons/ThList'
import { UserIcon } from '@sanity/icons/User'
import type { StructureBuilder, StructureResolver } from 'sanity/structure'

import { priceStaleDays } from './environment.ts'
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
        .apiVersion(defaultApiVersion)
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

/** Keyed like `editorialChecks`, so a new check fails the type check here until it has an icon and an order. */
const checkDisplay: Record<
  keyof typeof editorialChecks,
  { icon: typeof HomeIcon; ordering: { field: string; direction: 'asc' | 'desc' } }
> = {
  pricesToCheck: { icon: ClockIcon, ordering: { field: 'name', direction: 'asc' } },
  // Longest overdue first.
  dueForMedicalReview: { icon: CalendarIcon, ordering: { field: 'lastReviewedAt', direction: 'asc' } },
  noOfferInStock: { icon: EmptyIcon, ordering: { field: 'name', direction: 'asc' } },
}

/**
 * One weekly check as a list of devices; clicking one opens it. The filter's dates are computed
 * from `now`, when the structure is built (on Studio load), so a Studio left open for days should
 * be reloaded to move them on.
 */
function checkList(S: StructureBuilder, name: keyof typeof editorialChecks, now: Date) {
  const check = editorialChecks[name]
  const { icon, ordering } = checkDisplay[name]
  return S.listItem()
    .id(check.id)
    .title(check.title)
    .icon(icon)
    .child(
      S.documentList()
        .id(check.id)
        .title(check.title)
        .schemaType('device')
        .apiVersion(defaultApiVersion)
        .filter(check.filter)
        .params(check.params(now, { priceStaleDays }))
        .defaultOrdering([ordering]),
    )
}

/** The lists editors go through every week (see packages/content/src/editorialChecks.ts). */
function weeklyChecks(S: StructureBuilder, now: Date) {
  const names = Object.keys(editorialChecks) as (keyof typeof editorialChecks)[]
  return S.listItem()
    .id('weekly-checks')
    .title('Weekly checks')
    .icon(TaskIcon)
    .child(
      S.list()
        .id('weekly-checks')
        .title('Weekly checks')
        .items(names.map((name) => checkList(S, name, now))),
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
      weeklyChecks(S, new Date()),
      S.documentTypeListItem('comparison').title('Comparisons').icon(SplitHorizontalIcon),
      S.documentTypeListItem('guide').title('Guides').icon(BookIcon),
      S.documentTypeListItem('bestForGuide').title('Best-for guides').icon(StarIcon),
      S.divider(),
      S.documentTypeListItem('partner').title('Partners').icon(BasketIcon),
      S.documentTypeListItem('brand').title('Brands').icon(TagIcon),
      S.documentTypeListItem('author').title('Authors').icon(UserIcon),
      S.divider(),
      siteSettings(S),
    ])
