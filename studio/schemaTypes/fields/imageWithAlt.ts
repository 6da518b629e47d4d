import { defineArrayMember, defineField } from 'sanity'

import { requireText } from '../validation/nonEmptyText.ts'

/** An image kept as Sanity's plain `image` type, so stored values stay `_type: "image"`, with required alt text. */
export const altTextField = defineField({
  name: 'alt',
  title: 'Alternative text',
  type: 'string',
  description: 'What the image shows, for people who cannot see it.',
  validation: (rule) => rule.custom(requireText('Describe the image in the alternative text.')),
})

export function imageWithAltMember() {
  return defineArrayMember({
    type: 'image',
    options: { hotspot: true },
    fields: [altTextField],
  })
}
