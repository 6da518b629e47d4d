import { feedFormats, feedRefreshHoursLimits, titleOf } from '@microneedling/content/vocabulary'
import { BasketIcon } from '@sanity/icons/Basket'
import { defineArrayMember, defineField, defineType } from 'sanity'

import { slugField } from '../fields/slug.ts'
import { feedUrlProblem } from '../validation/feedUrl.ts'
import { hostnameProblem } from '../validation/hostname.ts'
import { requireText } from '../validation/nonEmptyText.ts'

/** A partner's feed once any of its fields is filled in; each field's rule asks for the rest. */
type FeedValues = { url?: string; format?: string } | undefined

const { min: minRefreshHours, max: maxRefreshHours, default: defaultRefreshHours } = feedRefreshHoursLimits

/** A retailer or affiliate network. Its allowed hosts are the only places its offer links may go. */
export const partner = defineType({
  name: 'partner',
  title: 'Partner',
  type: 'document',
  icon: BasketIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => rule.custom(requireText('Enter the partner’s name.')),
    }),
    slugField({ source: 'name' }),
    defineField({
      name: 'allowedHosts',
      title: 'Allowed hosts',
      type: 'array',
      description:
        'Host names this partner’s links may point to, e.g. “shop.example.com”. Subdomains of a host are allowed too.',
      of: [
        defineArrayMember({
          type: 'string',
          validation: (rule) => rule.custom((host: string | undefined) => hostnameProblem(host) ?? true),
        }),
      ],
      validation: (rule) => [
        rule.required().min(1).error('Add at least one host the partner’s links may point to.'),
        rule.unique().error('This host is listed twice.'),
      ],
    }),
    defineField({
      name: 'trackingParameter',
      title: 'Tracking parameter',
      type: 'object',
      description: 'Optional: a query parameter added to every outgoing link, e.g. tag = microneedling-21.',
      options: { collapsible: true, collapsed: true },
      fields: [
        defineField({
          name: 'name',
          title: 'Parameter name',
          type: 'string',
          validation: (rule) =>
            rule.custom((name: string | undefined, context) => {
              const parameter = context.parent as { value?: string } | undefined
              if (!name) return parameter?.value ? 'Enter the parameter name for this value.' : true
              return /^[A-Za-z0-9_.-]+$/.test(name)
                ? true
                : 'Use letters, digits, “_”, “.” or “-” only, like “tag” or “utm_source”.'
            }),
        }),
        defineField({
          name: 'value',
          title: 'Value',
          type: 'string',
          validation: (rule) =>
            rule.custom((value: string | undefined, context) => {
              const parameter = context.parent as { name?: string } | undefined
              return parameter?.name && !value?.trim() ? 'Enter the value for this parameter.' : true
            }),
        }),
      ],
    }),
    defineField({
      name: 'feed',
      title: 'Product feed',
      type: 'object',
      description:
        'Optional: the partner’s product feed, read to keep the prices and availability of its offers up to date. Offers are matched by their feed item id, or by the device’s GTIN.',
      options: { collapsible: true, collapsed: false },
      fields: [
        defineField({
          name: 'url',
          title: 'Feed address',
          type: 'string',
          description:
            'The https:// address the partner gives for its feed (gzipped or not). To try a feed out: a file: URL, or a path to a file in the repository, like packages/content/sample/feeds/glow-supply.tsv.',
          validation: (rule) =>
            rule.custom((url: string | undefined, context) => {
              if (url === undefined || url === '') {
                return (context.parent as FeedValues)?.format
                  ? 'Enter the feed’s address, or clear the format if the partner has no feed.'
                  : true
              }
              return feedUrlProblem(url) ?? true
            }),
        }),
        defineField({
          name: 'format',
          title: 'Format',
          type: 'string',
          description: 'What kind of feed it is, as the partner’s feed settings name it.',
          options: { list: [...feedFormats], layout: 'radio' },
          validation: (rule) =>
            // Sanity adds the list check itself, with its own message for a value off the list.
            rule.custom((format: string | undefined, context) =>
              !format && (context.parent as FeedValues)?.url
                ? `Choose the feed’s format: ${feedFormats.map((term) => term.title).join('; ')}.`
                : true,
            ),
        }),
        defineField({
          name: 'refreshHours',
          title: 'Read every (hours)',
          type: 'number',
          description: `How often it is read, in hours: a whole number from ${minRefreshHours} (hourly) to ${maxRefreshHours} (weekly). Empty means every ${defaultRefreshHours} hours.`,
          placeholder: String(defaultRefreshHours),
          validation: (rule) => [
            rule.integer().error('Enter a whole number of hours, like 24.'),
            rule
              .min(minRefreshHours)
              .max(maxRefreshHours)
              .error(
                `Read it at least weekly and at most hourly: from ${minRefreshHours} to ${maxRefreshHours} hours.`,
              ),
          ],
        }),
      ],
    }),
  ],
  preview: {
    select: { title: 'name', allowedHosts: 'allowedHosts', feedFormat: 'feed.format' },
    prepare: ({ title, allowedHosts, feedFormat }) => ({
      title: title || 'Unnamed partner',
      subtitle: [
        Array.isArray(allowedHosts) && allowedHosts.length > 0 ? allowedHosts.join(', ') : 'No allowed hosts yet',
        feedFormat ? `feed: ${titleOf(feedFormats, feedFormat)}` : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
