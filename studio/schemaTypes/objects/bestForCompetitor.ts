import { PackageIcon } from '@sanity/icons/Package'
import { defineField, defineType } from 'sanity'

import { requireText } from '../validation/nonEmptyText.ts'
import { requireReference } from '../validation/requiredReference.ts'

/** A device a "best for" guide considered and did not pick, with the reason in one line. */
export const bestForCompetitor = defineType({
  name: 'bestForCompetitor',
  title: 'Competitor',
  type: 'object',
  icon: PackageIcon,
  fields: [
    defineField({
      name: 'device',
      title: 'Device',
      type: 'reference',
      to: [{ type: 'device' }],
      validation: (rule) => rule.custom(requireReference('Choose the device you considered.')),
    }),
    defineField({
      name: 'note',
      title: 'Why it is not a pick',
      type: 'string',
      description: 'One line, e.g. “Good needles, but the head cannot be replaced.”',
      validation: (rule) => rule.custom(requireText('Say in one line why it is not a pick.')),
    }),
  ],
  preview: {
    select: { device: 'device.name', note: 'note' },
    prepare: ({ device, note }) => ({ title: device || 'No device chosen', subtitle: note, media: PackageIcon }),
  },
})
