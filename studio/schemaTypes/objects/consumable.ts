import { consumableKinds, currencies, titleOf } from '@microneedling/content/vocabulary'
import { SyncIcon } from '@sanity/icons/Sync'
import { defineField, defineType } from 'sanity'

import { consumableSubtitle } from '../previews/consumableSubtitle.ts'
import { requirePastDate } from '../validation/dates.ts'
import {
  type ConsumableValues,
  consumableCheckedDateProblem,
  consumableCurrencyProblem,
  consumableCurrencyWarning,
  consumablePriceMissing,
  consumablePriceProblem,
  type RunningCostDocument,
  singleUseWarning,
} from '../validation/runningCosts.ts'

const parentOf = (parent: unknown) => parent as ConsumableValues | undefined
/** The whole device is priced by the device's offers, so it has no price of its own. */
const isWholeDevice = ({ parent }: { parent?: unknown }) => parentOf(parent)?.kind === 'wholeDevice'

/** One thing a device uses up, and how long it lasts: what its running costs are worked out from. */
export const consumable = defineType({
  name: 'consumable',
  title: 'Consumable',
  type: 'object',
  icon: SyncIcon,
  fields: [
    defineField({
      name: 'kind',
      title: 'What is replaced',
      type: 'string',
      description:
        'A replacement head or a cartridge, or the whole device when nothing on it can be replaced (a roller thrown away when worn, a sterile single-use roller).',
      options: { list: [...consumableKinds], layout: 'radio' },
      validation: (rule) => rule.required().error('Choose what is replaced, from the list.'),
    }),
    defineField({
      name: 'price',
      title: 'Price',
      type: 'number',
      description: 'What a shop asks for one pack (one head, or a box of cartridges).',
      hidden: isWholeDevice,
      validation: (rule) => [
        rule.custom(
          (price: number | undefined, context) => consumablePriceProblem(price, parentOf(context.parent)) ?? true,
        ),
        rule
          .custom(
            (price: number | undefined, context) => consumablePriceMissing(price, parentOf(context.parent)) ?? true,
          )
          .warning(),
      ],
    }),
    defineField({
      name: 'currency',
      title: 'Currency',
      type: 'string',
      options: { list: [...currencies] },
      initialValue: 'GBP',
      hidden: isWholeDevice,
      validation: (rule) => [
        rule.custom(
          (currency: string | undefined, context) =>
            consumableCurrencyProblem(currency, parentOf(context.parent)) ?? true,
        ),
        rule
          .custom(
            (currency: string | undefined, context) =>
              consumableCurrencyWarning(currency, parentOf(context.parent)) ?? true,
          )
          .warning(),
      ],
    }),
    defineField({
      name: 'priceCheckedAt',
      title: 'Price checked on',
      type: 'date',
      description: 'Shown next to the price, so shoppers know how fresh it is.',
      hidden: isWholeDevice,
      validation: (rule) => [
        rule.custom(requirePastDate('The day the price was checked')),
        rule.custom(
          (priceCheckedAt: string | undefined, context) =>
            consumableCheckedDateProblem(priceCheckedAt, parentOf(context.parent)) ?? true,
        ),
      ],
    }),
    defineField({
      name: 'packSize',
      title: 'How many in a pack',
      type: 'number',
      description:
        'How many one purchase holds: 10 for a box of ten cartridges; for the whole device, how many the product holds (5 for a pack of five rollers).',
      initialValue: 1,
      validation: (rule) =>
        rule.required().integer().min(1).error('Enter how many come in a pack: a whole number, 1 or more.'),
    }),
    defineField({
      name: 'usesEach',
      title: 'Sessions each one lasts',
      type: 'number',
      description:
        'From the maker’s replacement advice or the care text: 1 for sterile single-use parts, about 15 for a titanium roller head.',
      validation: (rule) => [
        rule.required().integer().min(1).error('Enter how many sessions each one lasts: a whole number, 1 or more.'),
        rule
          .custom(
            (usesEach: number | undefined, context) =>
              singleUseWarning(usesEach, context.document as RunningCostDocument | undefined) ?? true,
          )
          .warning(),
      ],
    }),
  ],
  preview: {
    select: { kind: 'kind', price: 'price', currency: 'currency', packSize: 'packSize', usesEach: 'usesEach' },
    prepare: (consumable) => ({
      title: consumable.kind ? titleOf(consumableKinds, consumable.kind) : 'Not chosen yet',
      subtitle: consumableSubtitle(consumable),
    }),
  },
})
