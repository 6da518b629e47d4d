import { formatPrice } from '@microneedling/content/formatting'
import { availabilities, currencies, titleOf, valuesOf } from '@microneedling/content/vocabulary'
import { CreditCardIcon } from '@sanity/icons/CreditCard'
import { defineField, defineType } from 'sanity'

import { requirePastDate } from '../validation/dates.ts'
import { offerUrlMatchesPartnerHosts, offerUrlSchemes } from '../validation/offerUrl.ts'
import { requireReference } from '../validation/requiredReference.ts'

/** The price as the site shows it, once the editor has entered one; the bare number until a currency is chosen. */
function priceSoFar(price: number | undefined, currency: string | undefined): string | undefined {
  if (price === undefined) return undefined
  return currency ? formatPrice(price, currency) : String(price)
}

/** One place to buy a device: a partner's https link, with the price and when it was checked. */
export const offer = defineType({
  name: 'offer',
  title: 'Offer',
  type: 'object',
  icon: CreditCardIcon,
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
      name: 'availability',
      title: 'Availability',
      type: 'string',
      options: { list: [...availabilities], layout: 'radio', direction: 'horizontal' },
      validation: (rule) =>
        rule.required().error('Choose the availability shown on the partner’s page, from the list.'),
    }),
    defineField({
      name: 'priceCheckedAt',
      title: 'Price checked on',
      type: 'date',
      description: 'Shown next to the price, so shoppers know how fresh it is.',
      validation: (rule) => [
        rule.required().error('Enter the day the price was checked.'),
        rule.custom(requirePastDate('The day the price was checked')),
      ],
    }),
  ],
  preview: {
    select: {
      partnerName: 'partner.name',
      price: 'price',
      currency: 'currency',
      availability: 'availability',
      priceCheckedAt: 'priceCheckedAt',
    },
    prepare: ({ partnerName, price, currency, availability, priceCheckedAt }) => ({
      title: partnerName || 'Partner not chosen',
      subtitle: [
        priceSoFar(price, currency),
        availability && titleOf(availabilities, availability),
        priceCheckedAt && `checked ${priceCheckedAt}`,
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
