import { BasketIcon } from '@sanity/icons/Basket'
import { defineArrayMember, defineField, defineType } from 'sanity'

import { slugField } from '../fields/slug.ts'
import { hostnameProblem } from '../validation/hostname.ts'
import { requireText } from '../validation/nonEmptyText.ts'

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
  ],
  preview: {
    select: { title: 'name', allowedHosts: 'allowedHosts' },
    prepare: ({ title, allowedHosts }) => ({
      title: title || 'Unnamed partner',
      subtitle:
        Array.isArray(allowedHosts) && allowedHosts.length > 0 ? allowedHosts.join(', ') : 'No allowed hosts yet',
    }),
  },
})
