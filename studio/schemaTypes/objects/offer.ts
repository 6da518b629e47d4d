import { availabilities, currencies, valuesOf } from '@microneedling/content/vocabulary'
import { CreditCardIcon } from '@sanity/icons/CreditCard'
import { defineField, defineType } from 'sanity'

import { FeedManagedOfferInput } from '../inputs/feedManagedOfferInput.ts'
import { offerSubtitle } from '../previews/offerSubtitle.ts'
import { requirePastDate } from '../validation/dates.ts'
import { feedItemIdUnique } from '../validation/feedItemId.ts'
import { offerUrlMatchesPartnerHosts, offerUrlSchemes } from '../validation/offerUrl.ts'
import { requireReference } from '../validation/requiredReference.ts'
import { type SalePeriod, salePeriodProblem, salePriceProblem } from '../validation/salePrice.ts'

/** What the offer's own fields say, for rules that compare one field with another. */
type OfferValues = { price?: number; currency?: string; salePrice?: number } | undefined

/** One place to buy a device: a partner's https link, with the price and when it was checked. */
export const offer = defineType({
  name: 'offer',
  title: 'Offer',
  type: 'object',
  icon: CreditCardIcon,
  components: { input: FeedManagedOfferInput },
  fields: [
    defineField({
      name: 'partner',
      title: 'Partner',
      type: 'reference',
      to: [{ type: 'partner' }],
      validation: (rule) => rule.custom(requireReference('Choose the partner that sells it.')),
    }),
    defineField({
      name: 'url',
      title: 'Link to the product',
      type: 'url',
      description: 'The partner’s https product page. It must be on a host the partner allows.',
      validation: (rule) => [
        rule.required().error('Paste the link to the product on the partner’s site.'),
        rule
          .uri({ scheme: offerUrlSchemes })
          .error('Offer links must be full https:// addresses; other kinds (http:, javascript:, …) are refused.'),
        rule.custom(offerUrlMatchesPartnerHosts),
      ],
    }),
    defineField({
      name: 'price',
      title: 'Price',
      type: 'number',
      description:
        'As shown on the partner’s page, before any sale. For an offer with a feed item id, the feed import keeps it up to date.',
      validation: (rule) => [
        rule.required().error('Enter the price as shown on the partner’s page.'),
        rule.min(0).error('A price cannot be negative.'),
      ],
    }),
    defineField({
      name: 'currency',
      title: 'Currency',
      type: 'string',
      options: { list: [...currencies] },
      validation: (rule) =>
        rule.required().error(`Choose the currency of the price: one of ${valuesOf(currencies).join(', ')}.`),
    }),
    defineField({
      name: 'salePrice',
      title: 'Sale price',
      type: 'number',
      description:
        'Optional: the reduced price while the partner runs a sale, in the same currency, below the price. For an offer with a feed item id, the feed import sets and clears it.',
      validation: (rule) =>
        rule.custom(
          (salePrice: number | undefined, context) =>
            salePriceProblem(salePrice, context.parent as OfferValues) ?? true,
        ),
    }),
    defineField({
      name: 'salePriceEffective',
      title: 'Sale period',
      type: 'object',
      description: 'Optional: when the sale price applies. Leave it empty for a sale with no announced end.',
      options: { collapsible: true, collapsed: true },
      fields: [
        defineField({
          name: 'from',
          title: 'Starts',
          type: 'datetime',
          description: 'When the sale price starts to apply.',
        }),
        defineField({
          name: 'to',
          title: 'Ends',
          type: 'datetime',
          description: 'When the sale price stops applying; after the start.',
        }),
      ],
      validation: (rule) =>
        rule.custom(
          (period: SalePeriod | undefined, context) =>
            salePeriodProblem(period, (context.parent as OfferValues)?.salePrice) ?? true,
        ),
    }),
    defineField({
      name: 'availability',
      title: 'Availability',
      type: 'string',
      description:
        'As shown on the partner’s page. For an offer with a feed item id, the feed import keeps it up to date.',
      options: { list: [...availabilities], layout: 'radio', direction: 'horizontal' },
      validation: (rule) =>
        rule.required().error('Choose the availability shown on the partner’s page, from the list.'),
    }),
    defineField({
      name: 'priceCheckedAt',
      title: 'Price checked on',
      type: 'date',
      description:
        'Shown next to the price, so shoppers know how fresh it is. For an offer with a feed item id, the feed import sets it each time the feed confirms the price.',
      validation: (rule) => [
        rule.required().error('Enter the day the price was checked.'),
        rule.custom(requirePastDate('The day the price was checked')),
      ],
    }),
    defineField({
      name: 'feedItemId',
      title: 'Feed item id',
      type: 'string',
      description:
        'Optional: the product’s id in the partner’s feed: `id` in Google Merchant Center, `merchant_product_id` in Awin. With it, the feed import keeps the price, sale and availability up to date.',
      validation: (rule) => rule.custom(feedItemIdUnique),
    }),
    defineField({
      name: 'feedCheckedAt',
      title: 'Feed checked at',
      type: 'datetime',
      readOnly: true,
      description: 'Set by the feed import; when the feed last confirmed this offer.',
    }),
  ],
  preview: {
    select: {
      partnerName: 'partner.name',
      price: 'price',
      salePrice: 'salePrice',
      currency: 'currency',
      availability: 'availability',
      priceCheckedAt: 'priceCheckedAt',
      feedCheckedAt: 'feedCheckedAt',
    },
    prepare: ({ partnerName, ...offer }) => ({
      title: partnerName || 'Partner not chosen',
      subtitle: offerSubtitle(offer),
    }),
  },
})
