import { CogIcon } from '@sanity/icons/Cog'
import { defineArrayMember, defineField, defineType } from 'sanity'

import { requirePortableText, requireText } from '../validation/nonEmptyText.ts'

/**
 * Site-wide text, including what the law and honesty require on every page: the affiliate
 * disclosure, the medical disclaimer and the home-device caveats. None of it may be empty.
 */
export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  icon: CogIcon,
  groups: [
    { name: 'site', title: 'Site', default: true },
    { name: 'disclosures', title: 'Disclosures & disclaimers' },
    { name: 'caveats', title: 'Home-device caveats' },
  ],
  fields: [
    defineField({
      name: 'siteName',
      title: 'Site name',
      type: 'string',
      group: 'site',
      validation: (rule) => rule.custom(requireText('Enter the site’s name.')),
    }),
    defineField({
      name: 'tagline',
      title: 'Tagline',
      type: 'string',
      group: 'site',
    }),
    defineField({
      name: 'affiliateDisclosureShort',
      title: 'Affiliate disclosure (short)',
      type: 'text',
      rows: 2,
      group: 'disclosures',
      description: 'Shown before the first partner link on every page that has one. Keep it to a sentence.',
      validation: (rule) =>
        rule.custom(
          requireText('The short affiliate disclosure is shown near every partner link and cannot be empty.'),
        ),
    }),
    defineField({
      name: 'affiliateDisclosureFull',
      title: 'Affiliate disclosure (full page)',
      type: 'blockContent',
      group: 'disclosures',
      description: 'The /disclosure page: how the site earns money and how that does not change the reviews.',
      validation: (rule) => rule.custom(requirePortableText('The full affiliate disclosure page cannot be empty.')),
    }),
    defineField({
      name: 'medicalDisclaimer',
      title: 'Medical disclaimer',
      type: 'text',
      rows: 3,
      group: 'disclosures',
      description: 'Shown on device, comparison and guide pages.',
      validation: (rule) => rule.custom(requireText('The medical disclaimer cannot be empty.')),
    }),
    defineField({
      name: 'homeDeviceCaveats',
      title: 'Home-device caveats',
      type: 'array',
      group: 'caveats',
      description: 'Shown on every page with a home device, in the site’s own words.',
      of: [defineArrayMember({ type: 'caveat' })],
      validation: (rule) =>
        rule.required().min(1).error('Add at least one caveat: home devices are never shown without them.'),
    }),
  ],
  preview: {
    select: { siteName: 'siteName' },
    prepare: ({ siteName }) => ({ title: 'Site settings', subtitle: siteName }),
  },
})
