import { concerns, titleOf } from '@microneedling/content/vocabulary'
import { StarIcon } from '@sanity/icons/Star'
import { defineArrayMember, defineField, defineType } from 'sanity'

import { authorReferenceField } from '../fields/authorReference.ts'
import { slugField } from '../fields/slug.ts'
import { competitorsAreNotPicks, picksAreComplete } from '../validation/bestForPicks.ts'
import { requirePastDate } from '../validation/dates.ts'
import { requirePortableText, requireText } from '../validation/nonEmptyText.ts'

/**
 * A "best for" guide ("The best microneedling pen for acne scarring"): a concern, up to three picks
 * with their roles and reasons, who they suit, how they were chosen and what else was considered.
 * Reviewed like a device page, since it makes health claims about a concern.
 */
export const bestForGuide = defineType({
  name: 'bestForGuide',
  title: 'Best-for guide',
  type: 'document',
  icon: StarIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      description: 'As shoppers search for it, e.g. “The best derma roller for fine lines”.',
      validation: (rule) => rule.custom(requireText('Enter the guide’s title.')),
    }),
    slugField({ source: 'title' }),
    defineField({
      name: 'concern',
      title: 'Skin concern',
      type: 'string',
      options: { list: [...concerns] },
      // Worded for both a missing value and one off the list (see device.formFactor).
      validation: (rule) => rule.required().error('Choose the skin concern from the list.'),
    }),
    defineField({
      name: 'picks',
      title: 'Picks',
      type: 'array',
      description:
        'A top pick and, where one is worth naming, a budget pick and an upgrade pick: each role goes to one device.',
      of: [defineArrayMember({ type: 'bestForPick' })],
      validation: (rule) => rule.custom(picksAreComplete),
    }),
    defineField({
      name: 'whoItIsFor',
      title: 'Who it is for',
      type: 'text',
      rows: 3,
      description: 'Who these picks suit, and who should see a dermatologist or a clinic instead.',
      validation: (rule) => rule.custom(requireText('Say who the picks are for, and who they are not for.')),
    }),
    defineField({
      name: 'howWeChose',
      title: 'How we chose',
      type: 'blockContent',
      description: 'The method: what we compared, and what ruled devices out.',
      validation: (rule) => rule.custom(requirePortableText('Explain how the picks were chosen.')),
    }),
    defineField({
      name: 'competition',
      title: 'The competition',
      type: 'array',
      description: 'Devices we considered and did not pick, each with one line on why not.',
      of: [defineArrayMember({ type: 'bestForCompetitor' })],
      validation: (rule) => rule.custom(competitorsAreNotPicks),
    }),
    defineField({
      name: 'lastUpdatedAt',
      title: 'Last updated on',
      type: 'date',
      description: 'The day the picks were last checked against the catalogue.',
      validation: (rule) => [
        rule.required().error('Enter the day the guide was last updated.'),
        rule.custom(requirePastDate('The last update')),
      ],
    }),
    authorReferenceField({ name: 'writer', title: 'Writer', role: 'writer', description: 'Who wrote the guide.' }),
    authorReferenceField({
      name: 'medicalReviewer',
      title: 'Medical reviewer',
      role: 'medicalReviewer',
      description: 'Who checked what the guide says about the concern and the results.',
    }),
  ],
  preview: {
    select: { title: 'title', concern: 'concern', firstPick: 'picks.0.device.name', lastUpdatedAt: 'lastUpdatedAt' },
    prepare: ({ title, concern, firstPick, lastUpdatedAt }) => ({
      title: title || 'Untitled best-for guide',
      subtitle:
        [
          concern ? titleOf(concerns, concern) : undefined,
          firstPick,
          lastUpdatedAt ? `Updated ${lastUpdatedAt}` : undefined,
        ]
          .filter(Boolean)
          .join(' · ') || 'No concern or picks yet',
    }),
  },
})
