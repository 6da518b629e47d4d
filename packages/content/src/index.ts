export * from './apiVersion.ts'
export * from './cacheTags.ts'
export * from './config.ts'
export * from './deviceList.ts'
export * from './deviceSearch.ts'
export * from './loaders.ts'
export * from './partnerLinks.ts'
export * from './rejections.ts'
export * from './schemas.ts'
export {
  createContentLakeClient,
  createContentLakeSource,
  PreviewUnavailableError,
  type QueryCache,
} from './source/contentLake.ts'
export { createEmbeddedSource, type EmbeddedSource, type EmbeddedSourceStats } from './source/embedded.ts'
export { parseNdjson, type StoredDocument } from './source/ndjson.ts'
export { stegaClean, stegaTextFields } from './source/stega.ts'
export type { ContentSource, FetchOptions, Perspective, QueryParams, QueryParamValue } from './source/types.ts'
export * from './vocabulary.ts'
