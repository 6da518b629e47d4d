import type { AuthorRole } from '@microneedling/content/vocabulary'
import { defineField } from 'sanity'

import { requireReference } from '../validation/requiredReference.ts'

/** A byline: a reference to an author, offering only authors who hold the role the byline needs. */
export function authorReferenceField({
  name,
  title,
  role,
  description,
  group,
}: {
  name: string
  title: string
  role: AuthorRole
  description: string
  group?: string
}) {
  return defineField({
    name,
    title,
    type: 'reference',
    description,
    ...(group ? { group } : {}),
    to: [{ type: 'author' }],
    options: { filter: 'role == $role', filterParams: { role } },
    validation: (rule) => rule.custom(requireReference(`Choose the ${title.toLowerCase()}.`)),
  })
}
