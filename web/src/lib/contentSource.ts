import {
  createContentSource,
  parseContentEnvironment,
  sampleDatasetPath,
  type ContentSource,
} from '@microneedling/content'
import { resolveDatasetPath } from './datasetPath'

let source: ContentSource | undefined

/**
 * The one content source of this server process: the Content Lake when a Sanity project is
 * configured, otherwise the embedded NDJSON dataset. Shared by pages and by the /go/ proxy.
 */
export function contentSource(): ContentSource {
  if (!source) {
    const environment = parseContentEnvironment(process.env)
    const datasetPath = resolveDatasetPath({ configured: environment.CONTENT_DATASET, packageSample: sampleDatasetPath })
    source = createContentSource({ ...environment, CONTENT_DATASET: datasetPath })
    if (source.kind === 'embedded') console.info(`[content] reading the embedded dataset at ${datasetPath}`)
  }
  return source
}
