import { WarningOutlineIcon } from '@sanity/icons/WarningOutline'
import { defineField, defineType } from 'sanity'

import { requireText } from '../validation/nonEmptyText.ts'

/** One honest limit of home microneedling, shown on every page that shows a home device. */
export const caveat = defineType({
  name: 'caveat',
  title: 'Caveat',
  type: 'object',
  icon: WarningOutlineIcon,
  fields: [
    defineField({
      name: 'statement',
      title: 'Statement',
      type: 'string',
      description: 'One plain sentence, e.g. “Home rollers are blunt and are not meant to pierce the skin.”',
      validation: (rule) => rule.custom(requireText('Write the caveat in one sentence.')),
    }),
    defineField({
      name: 'details',
      title: 'Details',
      type: 'text',
      rows: 3,
      description: 'Optional: why it matters, or what to do instead.',
    }),
  ],
  preview: {
    select: { title: 'statement', subtitle: 'details' },
    prepare: ({ title, subtitle }) => ({
      title: title || 'Caveat without a statement',
      subtitle,
      media: WarningOutlineIcon,
    }),
  },
})
