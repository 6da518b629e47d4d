import { SplitHorizontalIcon } from '@sanity/icons/SplitHorizontal'
import { defineArrayMember, defineField, defineType } from 'sanity'

import { slugField } from '../fields/slug.ts'
import { requireText } from '../validation/nonEmptyText.ts'

/** The compare page shows two to four devices side by side; more stops fitting on a phone. */
export const comparisonDeviceCount = { min: 2, max: 4 } as const

export const comparison = defineType({
  name: 'comparison',
  title: 'Comparison',
  type: 'document',
  icon: SplitHorizontalIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      validation: (rule) => rule.custom(requireText('Enter the comparison’s title.')),
    }),
    slugField({ source: 'title' }),
    defineField({
      name: 'devices',
      title: 'Devices',
      type: 'array',
      description: `${comparisonDeviceCount.min} to ${comparisonDeviceCount.max} different devices, in the order they appear.`,
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'device' }] })],
      validation: (rule) => [
        rule
          .required()
          .min(comparisonDeviceCount.min)
          .max(comparisonDeviceCount.max)
          .error(`Choose ${comparisonDeviceCount.min} to ${comparisonDeviceCount.max} devices to compare.`),
        rule.unique().error('This device is already in the comparison.'),
      ],
    }),
    defineField({
      name: 'verdict',
      title: 'Verdict',
      type: 'text',
      rows: 3,
      description: 'Which to pick, for whom, and why.',
      validation: (rule) => rule.custom(requireText('Write the verdict.')),
    }),
    defineField({
      name: 'body',
      title: 'Body',
      type: 'blockContent',
    }),
    defineField({
      name: 'publishedAt',
      title: 'Published on',
      type: 'date',
      validation: (rule) => rule.required().error('Enter the publication date.'),
    }),
  ],
  preview: {
    select: {
      title: 'title',
      firstDevice: 'devices.0.name',
      secondDevice: 'devices.1.name',
      thirdDevice: 'devices.2.name',
      fourthDevice: 'devices.3.name',
    },
    prepare: ({ title, firstDevice, secondDevice, thirdDevice, fourthDevice }) => ({
      title: title || 'Untitled comparison',
      subtitle: [firstDevice, secondDevice, thirdDevice, fourthDevice].filter(Boolean).join(' vs ') || 'No devices yet',
    }),
  },
})
