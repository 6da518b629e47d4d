import { TagIcon } from '@sanity/icons/Tag'
import { defineField, defineType } from 'sanity'

import { slugField } from '../fields/slug.ts'
import { requireText } from '../validation/nonEmptyText.ts'

export const brand = defineType({
  name: 'brand',
  title: 'Brand',
  type: 'document',
  icon: TagIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => rule.custom(requireText('Enter the brand’s name.')),
    }),
    slugField({ source: 'name' }),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 3,
      description: 'Who makes it and where it sells, in a sentence or two.',
    }),
  ],
  preview: {
    select: { title: 'name', subtitle: 'description' },
  },
})
