/**
 * The kinds of page a partner link sits on. The site's own links carry one as `?from=<kind>`; the
 * parameter never changes where /go/ redirects, and anything else in it is recorded as "unknown".
 */
export const pageKinds = ['home', 'device', 'compare', 'comparison', 'guide', 'list'] as const
export type PageKind = (typeof pageKinds)[number]
export type RecordedPageKind = PageKind | 'unknown'

export const pageKindParameter = 'from'

export function recordedPageKind(value: string | null | undefined): RecordedPageKind {
  return (pageKinds as readonly string[]).includes(value ?? '') ? (value as PageKind) : 'unknown'
}
