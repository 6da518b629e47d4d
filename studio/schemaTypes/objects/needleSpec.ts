import { formatNeedleLengths, type NeedleLengths } from '@microneedling/content/formatting'
import { needleMaterials, needleTips, titleOf } from '@microneedling/content/vocabulary'
import { ControlsIcon } from '@sanity/icons/Controls'
import { defineArrayMember, defineField, defineType, type NumberRule } from 'sanity'

import { fixedLengthProblem, maxLengthProblem, minLengthProblem } from '../validation/needleLength.ts'

function lengthsOf(parent: unknown): NeedleLengths | undefined {
  return typeof parent === 'object' && parent !== null ? (parent as NeedleLengths) : undefined
}

/** A length field's rule, which needs its siblings: whether the needles adjust, and the other end. */
function needleLengthRule(
  problemOf: (lengthMm: number | undefined, spec: NeedleLengths | undefined) => string | undefined,
) {
  return (rule: NumberRule) =>
    rule.custom((lengthMm: number | undefined, context) => problemOf(lengthMm, lengthsOf(context.parent)) ?? true)
}

/** What the needles are: the facts shoppers compare devices on. */
export const needleSpec = defineType({
  name: 'needleSpec',
  title: 'Needles',
  type: 'object',
  icon: ControlsIcon,
  fieldsets: [{ name: 'length', title: 'Needle length', options: { columns: 3 } }],
  fields: [
    defineField({
      name: 'adjustable',
      title: 'Adjustable length',
      type: 'boolean',
      description: 'On for pens whose needle depth can be set; off for rollers and stamps with one length.',
      initialValue: false,
      validation: (rule) => rule.required().error('Say whether the needle length can be adjusted.'),
    }),
    defineField({
      name: 'lengthMm',
      title: 'Length (mm)',
      type: 'number',
      fieldset: 'length',
      hidden: ({ parent }) => lengthsOf(parent)?.adjustable === true,
      validation: needleLengthRule(fixedLengthProblem),
    }),
    defineField({
      name: 'minLengthMm',
      title: 'Shortest setting (mm)',
      type: 'number',
      fieldset: 'length',
      hidden: ({ parent }) => lengthsOf(parent)?.adjustable !== true,
      validation: needleLengthRule(minLengthProblem),
    }),
    defineField({
      name: 'maxLengthMm',
      title: 'Longest setting (mm)',
      type: 'number',
      fieldset: 'length',
      hidden: ({ parent }) => lengthsOf(parent)?.adjustable !== true,
      validation: needleLengthRule(maxLengthProblem),
    }),
    defineField({
      name: 'needleCount',
      title: 'Number of needles',
      type: 'number',
      description: 'For rollers and stamps, e.g. 540.',
      validation: (rule) => rule.integer().min(1).error('The number of needles is a whole number, 1 or more.'),
    }),
    defineField({
      name: 'cartridgeConfigurations',
      title: 'Cartridge configurations',
      type: 'array',
      description: 'For pens: the cartridges sold for it, e.g. “12-pin”, “36-pin”, “nano”.',
      of: [defineArrayMember({ type: 'string' })],
      options: { layout: 'tags' },
      validation: (rule) => rule.unique().error('Each cartridge configuration is listed once.'),
    }),
    defineField({
      name: 'material',
      title: 'Needle material',
      type: 'string',
      options: { list: [...needleMaterials] },
      validation: (rule) => rule.required().error('Choose a needle material from the list.'),
    }),
    defineField({
      name: 'tip',
      title: 'Needle tip',
      type: 'string',
      options: { list: [...needleTips], layout: 'radio', direction: 'horizontal' },
      validation: (rule) => rule.required().error('Choose a needle tip from the list.'),
    }),
    defineField({
      name: 'replaceableHead',
      title: 'Replaceable head or cartridge',
      type: 'boolean',
      initialValue: false,
    }),
    defineField({
      name: 'sterileSingleUseParts',
      title: 'Sterile single-use parts',
      type: 'boolean',
      description: 'On when the parts that touch skin come sterile and are thrown away after one use.',
      initialValue: false,
    }),
  ],
  preview: {
    select: {
      adjustable: 'adjustable',
      lengthMm: 'lengthMm',
      minLengthMm: 'minLengthMm',
      maxLengthMm: 'maxLengthMm',
      material: 'material',
      tip: 'tip',
    },
    prepare: ({ adjustable, lengthMm, minLengthMm, maxLengthMm, material, tip }) => ({
      title: formatNeedleLengths({ adjustable, lengthMm, minLengthMm, maxLengthMm }) ?? 'Needle length not set',
      subtitle: [material && titleOf(needleMaterials, material), tip && titleOf(needleTips, tip)]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
