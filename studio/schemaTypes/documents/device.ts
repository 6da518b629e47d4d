import type { NeedleLengths } from '@microneedling/content/formatting'
import { gtinProblem } from '@microneedling/content/gtin'
import { concerns, formFactors, intendedUses } from '@microneedling/content/vocabulary'
import { PackageIcon } from '@sanity/icons/Package'
import { defineArrayMember, defineField, defineType } from 'sanity'

import { authorReferenceField } from '../fields/authorReference.ts'
import { imageWithAltMember } from '../fields/imageWithAlt.ts'
import { slugField } from '../fields/slug.ts'
import { deviceSubtitle } from '../previews/deviceSubtitle.ts'
import { requirePastDate } from '../validation/dates.ts'
import { homeDeviceNeedleWarning } from '../validation/needleLength.ts'
import { requireText } from '../validation/nonEmptyText.ts'
import { requireReference } from '../validation/requiredReference.ts'
import {
  type ConsumableValues,
  consumablesMissing,
  consumablesProblem,
  type RunningCostDocument,
  sessionsPerMonthLimit,
  sessionsPerMonthWarning,
} from '../validation/runningCosts.ts'

/** Pros and cons are the review's summary; one of each reads as a sales pitch, not a review. */
const minimumProsAndCons = 2

function prosOrConsField({
  name,
  title,
  one,
  example,
}: {
  name: 'pros' | 'cons'
  title: string
  one: string
  example: string
}) {
  return defineField({
    name,
    title,
    type: 'array',
    group: 'verdict',
    description: `Short phrases, e.g. “${example}”. At least ${minimumProsAndCons}.`,
    of: [
      defineArrayMember({
        type: 'string',
        validation: (rule) => rule.custom(requireText(`Write the ${one}, or remove the empty line.`)),
      }),
    ],
    validation: (rule) =>
      rule
        .required()
        .min(minimumProsAndCons)
        .error(`List at least ${minimumProsAndCons} ${name}: shoppers compare devices on them.`),
  })
}

export const device = defineType({
  name: 'device',
  title: 'Device',
  type: 'document',
  icon: PackageIcon,
  groups: [
    { name: 'basics', title: 'Basics', default: true },
    { name: 'needles', title: 'Needles' },
    { name: 'runningCosts', title: 'Running costs' },
    { name: 'verdict', title: 'Verdict & review' },
    { name: 'offers', title: 'Offers' },
    { name: 'credits', title: 'Review credits' },
  ],
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      group: 'basics',
      description: 'As the maker sells it, e.g. “Dr.Pen A6S”.',
      validation: (rule) => rule.custom(requireText('Enter the device’s name.')),
    }),
    slugField({ source: 'name', group: 'basics' }),
    defineField({
      name: 'brand',
      title: 'Brand',
      type: 'reference',
      group: 'basics',
      to: [{ type: 'brand' }],
      validation: (rule) => rule.custom(requireReference('Choose the brand.')),
    }),
    defineField({
      name: 'formFactor',
      title: 'Form factor',
      type: 'string',
      group: 'basics',
      options: { list: [...formFactors] },
      // Worded for both a missing value and one off the list: Sanity adds the list check to this
      // rule, and a rule's message replaces the message of every check in it.
      validation: (rule) => rule.required().error('Choose a form factor from the list.'),
    }),
    defineField({
      name: 'gtin',
      title: 'GTIN (barcode number)',
      type: 'string',
      group: 'basics',
      description:
        'Optional: the barcode number, 8, 12, 13 or 14 digits; lets feed items be matched before their id is mapped.',
      validation: (rule) =>
        rule.custom((gtin: string | undefined) =>
          gtin === undefined || gtin === '' ? true : (gtinProblem(gtin) ?? true),
        ),
    }),
    defineField({
      name: 'intendedUse',
      title: 'Intended use',
      type: 'string',
      group: 'basics',
      description: 'Home devices are shown with the home-device caveats on every page.',
      options: { list: [...intendedUses], layout: 'radio', direction: 'horizontal' },
      validation: (rule) => rule.required().error('Choose home or professional use.'),
    }),
    defineField({
      name: 'concerns',
      title: 'Skin concerns',
      type: 'array',
      group: 'basics',
      description: 'What the maker says it is used for; shoppers filter on these.',
      of: [defineArrayMember({ type: 'string' })],
      options: { list: [...concerns], layout: 'grid' },
      // No custom message: it would also replace the "not allowed" message for a value off the list.
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'images',
      title: 'Images',
      type: 'array',
      group: 'basics',
      of: [imageWithAltMember()],
    }),
    defineField({
      name: 'needleSpec',
      title: 'Needles',
      type: 'needleSpec',
      group: 'needles',
      validation: (rule) => [
        rule.required().error('Describe the needles.'),
        rule
          .custom((spec: NeedleLengths | undefined, context) => {
            const intendedUse = (context.document as { intendedUse?: string } | undefined)?.intendedUse
            return homeDeviceNeedleWarning(intendedUse, spec) ?? true
          })
          .warning(),
      ],
    }),
    defineField({
      name: 'care',
      title: 'Cleaning and care',
      type: 'text',
      rows: 4,
      group: 'needles',
      description: 'How to clean and store it, and when to replace the head.',
    }),
    defineField({
      name: 'consumables',
      title: 'What it uses up',
      type: 'array',
      group: 'runningCosts',
      description:
        'What is replaced as it wears, with its price and how many sessions it lasts. The site works out the first-year cost and the cost per session from these, the schedule below and the cheapest offer in stock.',
      of: [defineArrayMember({ type: 'consumable' })],
      validation: (rule) => [
        rule.custom(
          (consumables: ConsumableValues[] | undefined, context) =>
            consumablesProblem(consumables, context.document as RunningCostDocument | undefined) ?? true,
        ),
        rule
          .custom(
            (consumables: ConsumableValues[] | undefined, context) =>
              consumablesMissing(consumables, context.document as RunningCostDocument | undefined) ?? true,
          )
          .warning(),
      ],
    }),
    defineField({
      name: 'sessionsPerMonth',
      title: 'Typical sessions a month',
      type: 'number',
      group: 'runningCosts',
      description:
        'How often one person would typically use it, e.g. 8 for twice a week; for a professional device, one client’s course. A year of running costs is twelve months of it.',
      validation: (rule) => [
        rule
          .integer()
          .min(1)
          .max(sessionsPerMonthLimit)
          .error(`Enter a whole number of sessions a month, from 1 to ${sessionsPerMonthLimit}.`),
        rule
          .custom(
            (sessionsPerMonth: number | undefined, context) =>
              sessionsPerMonthWarning(sessionsPerMonth, context.document as RunningCostDocument | undefined) ?? true,
          )
          .warning(),
      ],
    }),
    defineField({
      name: 'verdict',
      title: 'Verdict',
      type: 'string',
      group: 'verdict',
      description: 'One line: who it is for, and why.',
      validation: (rule) => [
        rule.custom(requireText('Write the verdict in one line.')),
        rule.max(160).warning('Keep the verdict to one line (160 characters or fewer).'),
      ],
    }),
    defineField({
      name: 'rating',
      title: 'Rating',
      type: 'number',
      group: 'verdict',
      description: 'From 0 to 10, with at most one decimal, scored by the same method for every device.',
      validation: (rule) => [
        rule.required().error('Give a rating from 0 to 10.'),
        rule.min(0).max(10).error('The rating is from 0 to 10.'),
        rule.precision(1).error('Use at most one decimal, like 7.5.'),
      ],
    }),
    prosOrConsField({ name: 'pros', title: 'Pros', one: 'pro', example: 'Replaceable titanium head' }),
    prosOrConsField({ name: 'cons', title: 'Cons', one: 'con', example: 'Hard to clean between the needles' }),
    defineField({
      name: 'review',
      title: 'Review',
      type: 'blockContent',
      group: 'verdict',
    }),
    defineField({
      name: 'offers',
      title: 'Offers',
      type: 'array',
      group: 'offers',
      description: 'Where to buy it. Shoppers reach each link through the site’s own /go/ address.',
      of: [defineArrayMember({ type: 'offer' })],
    }),
    authorReferenceField({
      name: 'writer',
      title: 'Writer',
      role: 'writer',
      description: 'Who wrote the review.',
      group: 'credits',
    }),
    authorReferenceField({
      name: 'medicalReviewer',
      title: 'Medical reviewer',
      role: 'medicalReviewer',
      description: 'Who checked the health claims. Named on the page with the review date.',
      group: 'credits',
    }),
    defineField({
      name: 'lastReviewedAt',
      title: 'Last reviewed on',
      type: 'date',
      group: 'credits',
      validation: (rule) => [
        rule.required().error('Enter the day the medical review was last done.'),
        rule.custom(requirePastDate('The last review date')),
      ],
    }),
  ],
  preview: {
    select: {
      name: 'name',
      intendedUse: 'intendedUse',
      formFactor: 'formFactor',
      adjustable: 'needleSpec.adjustable',
      lengthMm: 'needleSpec.lengthMm',
      minLengthMm: 'needleSpec.minLengthMm',
      maxLengthMm: 'needleSpec.maxLengthMm',
      media: 'images.0',
    },
    prepare: ({ name, intendedUse, formFactor, adjustable, lengthMm, minLengthMm, maxLengthMm, media }) => ({
      title: name || 'Unnamed device',
      subtitle: deviceSubtitle({
        intendedUse,
        formFactor,
        needleSpec: { adjustable, lengthMm, minLengthMm, maxLengthMm },
      }),
      media: media ?? PackageIcon,
    }),
  },
})
