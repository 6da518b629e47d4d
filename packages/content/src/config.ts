import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { describeIssues } from './rejections.ts'
import { createContentLakeSource } from './source/contentLake.ts'
import { createEmbeddedSource } from './source/embedded.ts'
import type { ContentSource } from './source/types.ts'

/**
 * The sample dataset shipped with this package: what a first run and the tests read.
 * Built with path.join rather than `new URL('…', import.meta.url)`: bundlers (Turbopack in the
 * site) treat that form as an asset import, fail when the file is absent and otherwise copy a
 * snapshot into the build, so the site would stop seeing edits to the file.
 */
export const sampleDatasetPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'sample', 'dataset.ndjson')

export const defaultApiVersion = '2025-02-19'

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional())

/** The environment that chooses and configures the content source. Empty strings count as unset. */
export const contentEnvironmentSchema = z
  .object({
    NEXT_PUBLIC_SANITY_PROJECT_ID: optional(
      z.string().regex(/^[a-z0-9-]+$/, 'must be a Sanity project id (lower-case letters, digits, dashes)'),
    ),
    NEXT_PUBLIC_SANITY_DATASET: optional(
      z.string().regex(/^[a-z0-9_-]{1,64}$/, 'must be a dataset name (lower-case letters, digits, _ and -)'),
    ),
    NEXT_PUBLIC_SANITY_API_VERSION: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')),
    SANITY_API_READ_TOKEN: optional(z.string()),
    SANITY_API_HOST: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
    CONTENT_DATASET: optional(z.string()),
  })
  .superRefine((environment, context) => {
    if (environment.NEXT_PUBLIC_SANITY_PROJECT_ID && !environment.NEXT_PUBLIC_SANITY_DATASET) {
      context.addIssue({
        code: 'custom',
        path: ['NEXT_PUBLIC_SANITY_DATASET'],
        message: 'is required when NEXT_PUBLIC_SANITY_PROJECT_ID is set',
      })
    }
  })
export type ContentEnvironment = z.output<typeof contentEnvironmentSchema>

export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

/** Parses the environment, naming every missing or malformed variable in one error. */
export function parseContentEnvironment(environment: Record<string, string | undefined>): ContentEnvironment {
  const result = contentEnvironmentSchema.safeParse(environment)
  if (!result.success) {
    throw new ConfigurationError(`Invalid content configuration:\n  - ${describeIssues(result.error).join('\n  - ')}`)
  }
  return result.data
}

/** The Content Lake when a project id is configured, otherwise the embedded dataset. */
export function createContentSource(environment: ContentEnvironment): ContentSource {
  if (environment.NEXT_PUBLIC_SANITY_PROJECT_ID) {
    return createContentLakeSource({
      projectId: environment.NEXT_PUBLIC_SANITY_PROJECT_ID,
      dataset: environment.NEXT_PUBLIC_SANITY_DATASET!,
      apiVersion: environment.NEXT_PUBLIC_SANITY_API_VERSION ?? defaultApiVersion,
      useCdn: !environment.SANITY_API_HOST,
      ...(environment.SANITY_API_READ_TOKEN ? { token: environment.SANITY_API_READ_TOKEN } : {}),
      ...(environment.SANITY_API_HOST ? { apiHost: environment.SANITY_API_HOST } : {}),
    })
  }
  return createEmbeddedSource(environment.CONTENT_DATASET ?? sampleDatasetPath)
}
