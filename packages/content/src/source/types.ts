export type QueryParams = Record<string, string | number | boolean | string[] | null>

export type Perspective = 'published' | 'drafts'

export interface FetchOptions {
  /** Cache tags the result depends on: the Content Lake source keeps the answer under them (see QueryCache). */
  tags?: string[]
  perspective?: Perspective
  /**
   * Previews only: encode editable text with stega so the Presentation tool can draw edit overlays.
   * Never for metadata, JSON-LD or anything that is not shown as text.
   */
  stega?: boolean
}

/**
 * Where content comes from. Two implementations answer the same GROQ text: the Content Lake
 * (production) and the embedded NDJSON dataset (first run, tests, machines with no network).
 */
export interface ContentSource {
  readonly kind: 'content-lake' | 'embedded'
  fetch(query: string, params?: QueryParams, options?: FetchOptions): Promise<unknown>
}
