import type { CustomValidator, Reference } from 'sanity'

/**
 * "Required" for references, with our own message. `rule.required().error(message)` would not do:
 * a rule's message replaces the message of every check in it, and a reference's rule also carries
 * Sanity's "Referenced document must be published" check, which would then read "Choose the brand".
 */
export function requireReference(message: string): CustomValidator<Reference | undefined> {
  return (reference) => (reference?._ref ? true : message)
}
