import { BlockContentIcon } from '@sanity/icons/BlockContent'
import { LinkIcon } from '@sanity/icons/Link'
import { defineArrayMember, defineField, defineType } from 'sanity'

import { imageWithAltMember } from '../fields/imageWithAlt.ts'

/**
 * Rich text for reviews, comparisons, guides and the disclosure page. Plain links only: partner
 * links belong in a device's offers, where they are checked, disclosed and counted.
 */
export const blockContent = defineType({
  name: 'blockContent',
  title: 'Rich text',
  type: 'array',
  icon: BlockContentIcon,
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Normal', value: 'normal' },
        { title: 'Heading 2', value: 'h2' },
        { title: 'Heading 3', value: 'h3' },
        { title: 'Quote', value: 'blockquote' },
      ],
      lists: [
        { title: 'Bullets', value: 'bullet' },
        { title: 'Numbered', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Strong', value: 'strong' },
          { title: 'Emphasis', value: 'em' },
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'Link',
            type: 'object',
            icon: LinkIcon,
            fields: [
              defineField({
                name: 'href',
                title: 'URL',
                type: 'url',
                validation: (rule) => [
                  rule.required().error('Enter the address the link goes to.'),
                  rule
                    .uri({ scheme: ['https', 'mailto'] })
                    .error('Links must start with https:// (or mailto: for e-mail).'),
                ],
              }),
            ],
          }),
        ],
      },
    }),
    imageWithAltMember(),
  ],
})
