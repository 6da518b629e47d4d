import type { DocumentActionComponent, Template } from 'sanity'

/**
 * Document types that exist exactly once, under a fixed id. Sanity 6.8 has no singleton API
 * (it arrives in 6.17), so the Studio enforces "once" in three places: the desk structure opens
 * the fixed id, the global "new document" menu leaves the type out, and the document offers no
 * action that would create, delete or duplicate it.
 */
export const singletonDocumentIds = { siteSettings: 'siteSettings' } as const

const singletonTypeNames: ReadonlySet<string> = new Set(Object.keys(singletonDocumentIds))

/** Actions that keep exactly one copy: no delete, duplicate or unpublish. */
const singletonActionNames: ReadonlySet<string> = new Set(['publish', 'discardChanges', 'restore'])

export function isSingletonType(typeName: string): boolean {
  return singletonTypeNames.has(typeName)
}

export function withoutSingletonTemplates(templates: Template[]): Template[] {
  return templates.filter((template) => !isSingletonType(template.schemaType))
}

export function actionsForDocumentType(
  actions: DocumentActionComponent[],
  schemaType: string,
): DocumentActionComponent[] {
  if (!isSingletonType(schemaType)) return actions
  return actions.filter(({ action }) => action !== undefined && singletonActionNames.has(action))
}
