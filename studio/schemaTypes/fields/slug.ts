import { defineField } from 'sanity'

/**
 * The URL slug every listed document has. Sanity's default `isUnique` check runs with a slug field,
 * so two devices (or two guides) can never share an address.
 */

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function slugFormatProblem(slug: string): string | undefined {
  return slugPattern.test(slug)
    ? undefined
    : `"${slug}" cannot be used in a URL as it is. Use lowercase letters, digits and single hyphens, like "derma-roller-025".`
}

export function slugField({ source, group }: { source: 'name' | 'title'; group?: string }) {
  return defineField({
    name: 'slug',
    title: 'Slug',
    type: 'slug',
    description: `The page address. Generate it from the ${source}; changing it later breaks links to the page.`,
    ...(group ? { group } : {}),
    options: { source, maxLength: 96 },
    // One custom rule, no `.error(message)`: that message would also replace the message of the
    // slug's built-in uniqueness check, which Sanity adds to this same rule.
    validation: (rule) =>
      rule.custom((slug) => {
        if (!slug?.current) return `Generate a slug from the ${source}.`
        return slugFormatProblem(slug.current) ?? true
      }),
  })
}
