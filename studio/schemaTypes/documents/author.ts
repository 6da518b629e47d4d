import { authorRoles, titleOf } from '@microneedling/content/vocabulary'
import { UserIcon } from '@sanity/icons/User'
import { defineField, defineType } from 'sanity'

import { slugField } from '../fields/slug.ts'
import { requireText } from '../validation/nonEmptyText.ts'

/** A person behind a byline: writers, and the medical reviewers who check health claims. */
export const author = defineType({
  name: 'author',
  title: 'Author',
  type: 'document',
  icon: UserIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => rule.custom(requireText('Enter the author’s name.')),
    }),
    slugField({ source: 'name' }),
    defineField({
      name: 'role',
      title: 'Role',
      type: 'string',
      options: { list: [...authorRoles], layout: 'radio', direction: 'horizontal' },
      validation: (rule) => rule.required().error('Choose a role: writer or medical reviewer.'),
    }),
    defineField({
      name: 'credentials',
      title: 'Credentials',
      type: 'string',
      description: 'Shown with the byline, e.g. “MBBS, MRCP (Dermatology)”.',
      validation: (rule) =>
        rule.custom((credentials, context) => {
          const role = (context.document as { role?: string } | undefined)?.role
          return role === 'medicalReviewer' && !credentials?.trim()
            ? 'A medical reviewer’s qualifications are shown to shoppers: enter them.'
            : true
        }),
    }),
    defineField({
      name: 'bio',
      title: 'Biography',
      type: 'text',
      rows: 4,
    }),
  ],
  preview: {
    select: { name: 'name', role: 'role', credentials: 'credentials' },
    prepare: ({ name, role, credentials }) => ({
      title: name || 'Unnamed author',
      subtitle: [role && titleOf(authorRoles, role), credentials].filter(Boolean).join(' · '),
    }),
  },
})
