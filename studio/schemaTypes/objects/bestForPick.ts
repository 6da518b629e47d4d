import { bestForRoles, titleOf } from '@microneedling/content/vocabulary'
import { ThumbsUpIcon } from '@sanity/icons/ThumbsUp'
import { defineField, defineType } from 'sanity'

import { pickDeviceHasOfferInStock, pickDeviceIsPublished } from '../validation/bestForPicks.ts'
import { requireText } from '../validation/nonEmptyText.ts'
import { requireReference } from '../validation/requiredReference.ts'

/** Longer than this, a reason stops being "a line or two" on a phone. */
export const pickReasonMaxLength = 280

/** One device a "best for" guide recommends, the role it plays (top, budget, upgrade) and why. */
export const bestForPick = defineType({
  name: 'bestForPick',
  title: 'Pick',
  type: 'object',
  icon: ThumbsUpIcon,
  fields: [
    defineField({
      name: 'role',
      title: 'Role',
      type: 'string',
      options: { list: [...bestForRoles], layout: 'radio', direction: 'horizontal' },
      // Worded for both a missing value and one off the list (see device.formFactor).
      validation: (rule) => rule.required().error('Choose the pick’s role from the list.'),
    }),
    defineField({
      name: 'device',
      title: 'Device',
      type: 'reference',
      description: 'A published device. Shoppers follow the pick to its page and its shops.',
      to: [{ type: 'device' }],
      validation: (rule) => rule.custom(requireReference('Choose the device you pick.')),
    }),
    defineField({
      name: 'reason',
      title: 'Why we pick it',
      type: 'text',
      rows: 2,
      description: 'A line or two, for this concern: what makes it the right choice, and for whom.',
      validation: (rule) => [
        rule.custom(requireText('Say in a line or two why this device is the pick.')),
        rule
          .max(pickReasonMaxLength)
          .warning(
            `Keep the reason to a line or two (at most ${pickReasonMaxLength} characters); the guide’s text can say more.`,
          ),
      ],
    }),
  ],
  // On the pick, not its device field: a rule there would also repeat Sanity's own reference check.
  validation: (rule) => [rule.custom(pickDeviceIsPublished), rule.custom(pickDeviceHasOfferInStock).warning()],
  preview: {
    select: { role: 'role', device: 'device.name', reason: 'reason' },
    prepare: ({ role, device, reason }) => ({
      title: device || 'No device chosen',
      subtitle: [role ? titleOf(bestForRoles, role) : 'No role', reason].filter(Boolean).join(' · '),
      media: ThumbsUpIcon,
    }),
  },
})
