export type QueryParams = Record<string, string | number | boolean | string[] | null>

export type Perspective = 'published' | 'drafts'

export interface FetchOptions {
  /** Cache tags the result depends on; the Content Lake source hands them to Next's data cache. */
  tags?: string[]
  perspective?: Perspective
}

/**
 * Where content comes from. Two implementations answer the same GROQ text: the Content Lake
 * (production) and the embedded NDJSON dataset (first run, tests, machines with no network).
 */
export interface ContentSource {
  readonly kind: 'content-lake' | 'embedded'
  fetch(query: string, params?: QueryParams, options?: FetchOptions): Promise<unknown>
}
