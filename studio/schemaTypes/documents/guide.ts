import { BookIcon } from '@sanity/icons/Book'
import { defineField, defineType } from 'sanity'

import { authorReferenceField } from '../fields/authorReference.ts'
import { slugField } from '../fields/slug.ts'
import { requirePastDate } from '../validation/dates.ts'
import { requirePortableText, requireText } from '../validation/nonEmptyText.ts'

/** An explainer (how microneedling works, choosing a needle length), reviewed like a device page. */
export const guide = defineType({
  name: 'guide',
  title: 'Guide',
  type: 'document',
  icon: BookIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      validation: (rule) => rule.custom(requireText('Enter the guide’s title.')),
    }),
    slugField({ source: 'title' }),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      description: 'Two sentences for lists and search results.',
      validation: (rule) => rule.custom(requireText('Write a short summary.')),
    }),
    defineField({
      name: 'body',
      title: 'Body',
      type: 'blockContent',
      validation: (rule) => rule.custom(requirePortableText('Write the guide.')),
    }),
    authorReferenceField({ name: 'writer', title: 'Writer', role: 'writer', description: 'Who wrote the guide.' }),
    authorReferenceField({
      name: 'medicalReviewer',
      title: 'Medical reviewer',
      role: 'medicalReviewer',
      description: 'Who checked the health claims.',
    }),
    defineField({
      name: 'lastReviewedAt',
      title: 'Last reviewed on',
      type: 'date',
      validation: (rule) => [
        rule.required().error('Enter the day the guide was last reviewed.'),
        rule.custom(requirePastDate('The last review date')),
      ],
    }),
  ],
  preview: {
    select: { title: 'title', lastReviewedAt: 'lastReviewedAt', reviewer: 'medicalReviewer.name' },
    prepare: ({ title, lastReviewedAt, reviewer }) => ({
      title: title || 'Untitled guide',
      subtitle: lastReviewedAt ? `Reviewed ${lastReviewedAt}${reviewer ? ` by ${reviewer}` : ''}` : 'Not reviewed yet',
    }),
  },
})
