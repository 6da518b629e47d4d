/** GROQ parameters: any JSON value (the facet query takes arrays of objects). */
export type QueryParamValue = string | number | boolean | null | QueryParamValue[] | { [key: string]: QueryParamValue }
export type QueryParams = Record<string, QueryParamValue>

export type Perspective = 'published' | 'drafts'

export interface FetchOptions {
  /** Cache tags the result depends on: the Content Lake source keeps the answer under them (see QueryCache). */
  tags?: string[]
  perspective?: Perspective
  /**
   * The parameters come from what visitors type (filters, search words), so there is no limit to
   * how many different ones arrive: a cache must keep only a bounded number of these answers.
   */
  paramsFromVisitors?: boolean
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
