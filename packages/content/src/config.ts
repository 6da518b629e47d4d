import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { defaultApiVersion } from './apiVersion.ts'
import { describeIssues } from './rejections.ts'
import { type ContentLakeSettings, createContentLakeSource, type QueryCache } from './source/contentLake.ts'
import { createEmbeddedSource } from './source/embedded.ts'
import type { ContentSource } from './source/types.ts'

/**
 * The sample dataset shipped with this package: what a first run and the tests read.
 * Built with path.join rather than `new URL('…', import.meta.url)`: bundlers (Turbopack in the
 * site) treat that form as an asset import, fail when the file is absent and otherwise copy a
 * snapshot into the build, so the site would stop seeing edits to the file.
 */
export const sampleDatasetPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'sample', 'dataset.ndjson')
/** The repository's root (the sample partners name their feeds as paths in it). */
export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/** An optional variable; empty strings count as unset. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional())

/**
 * The variables that choose and configure the content source, as a plain object shape so the site
 * can add its own variables and still report every problem in one error (see
 * `checkContentEnvironment` for the rules that span variables). Empty strings count as unset.
 */
export const contentEnvironmentShape = {
  NEXT_PUBLIC_SANITY_PROJECT_ID: optional(
    z.string().regex(/^[a-z0-9-]+$/, 'must be a Sanity project id (lower-case letters, digits, dashes)'),
  ),
  NEXT_PUBLIC_SANITY_DATASET: optional(
    z.string().regex(/^[a-z0-9_-]{1,64}$/, 'must be a dataset name (lower-case letters, digits, _ and -)'),
  ),
  NEXT_PUBLIC_SANITY_API_VERSION: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')),
  SANITY_API_READ_TOKEN: optional(z.string()),
  SANITY_API_HOST: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  /** How long one Content Lake query may take, in milliseconds. */
  SANITY_API_TIMEOUT_MS: optional(
    z.coerce
      .number({ error: 'must be a whole number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(1, 'must be at least 1')
      .max(120_000, 'must be at most 120000 (two minutes)'),
  ),
  CONTENT_DATASET: optional(z.string()),
}

/** Variables that only mean something with a Sanity project: set without one, they are a mistake. */
const projectOnlyVariables = ['SANITY_API_READ_TOKEN', 'SANITY_API_HOST', 'SANITY_API_TIMEOUT_MS'] as const

/** Rules that span variables; the site runs them over its own, wider schema too. */
export function checkContentEnvironment(
  environment: Partial<Record<keyof typeof contentEnvironmentShape, unknown>>,
  context: z.RefinementCtx,
): void {
  if (environment.NEXT_PUBLIC_SANITY_PROJECT_ID) {
    if (!environment.NEXT_PUBLIC_SANITY_DATASET) {
      context.addIssue({
        code: 'custom',
        path: ['NEXT_PUBLIC_SANITY_DATASET'],
        message: 'is required when NEXT_PUBLIC_SANITY_PROJECT_ID is set',
      })
    }
    return
  }
  reportSetWithoutProject(environment, projectOnlyVariables, context)
}

/** Variables that are set without a Sanity project: a mistake, each reported on its own name. */
export function reportSetWithoutProject<Name extends string>(
  environment: Partial<Record<Name, unknown>>,
  names: readonly Name[],
  context: z.RefinementCtx,
): void {
  for (const name of names) {
    if (environment[name] !== undefined) {
      context.addIssue({
        code: 'custom',
        path: [name],
        message: 'is set, but NEXT_PUBLIC_SANITY_PROJECT_ID is not: it is only used with a Sanity project',
      })
    }
  }
}

/**
 * Cross-variable rules run even when a variable fails its own schema, so the one error lists
 * every problem; they only look at which variables are set, never at their values.
 */
export const alwaysCheck = { when: () => true }

/** The environment that chooses and configures the content source. */
export const contentEnvironmentSchema = z
  .object(contentEnvironmentShape)
  .superRefine(checkContentEnvironment, alwaysCheck)
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

/**
 * How the site reads a Sanity project. Published reads go to the live API, not the API CDN: the
 * site keeps answers in Next's data cache, expired by tag when the signed webhook arrives, and
 * Sanity's guidance for that setup is `useCdn: false`, since a read just after a webhook could get
 * the CDN's older copy and keep it until the next publish.
 */
export function contentLakeSettings(
  environment: ContentEnvironment,
  options: { studioUrl?: string | undefined; cache?: QueryCache } = {},
): ContentLakeSettings {
  return {
    projectId: environment.NEXT_PUBLIC_SANITY_PROJECT_ID!,
    dataset: environment.NEXT_PUBLIC_SANITY_DATASET!,
    apiVersion: environment.NEXT_PUBLIC_SANITY_API_VERSION ?? defaultApiVersion,
    useCdn: false,
    ...(environment.SANITY_API_READ_TOKEN ? { token: environment.SANITY_API_READ_TOKEN } : {}),
    ...(environment.SANITY_API_HOST ? { apiHost: environment.SANITY_API_HOST } : {}),
    ...(environment.SANITY_API_TIMEOUT_MS ? { timeoutMs: environment.SANITY_API_TIMEOUT_MS } : {}),
    ...(options.studioUrl ? { studioUrl: options.studioUrl } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
  }
}

/**
 * The Content Lake when a project id is configured, otherwise the embedded dataset. `studioUrl`
 * (the site's SANITY_STUDIO_URL) lets previews link text back to the Studio; `cache` keeps
 * published answers between requests (see QueryCache).
 */
export function createContentSource(
  environment: ContentEnvironment,
  options: { studioUrl?: string | undefined; cache?: QueryCache } = {},
): ContentSource {
  if (environment.NEXT_PUBLIC_SANITY_PROJECT_ID)
    return createContentLakeSource(contentLakeSettings(environment, options))
  return createEmbeddedSource(environment.CONTENT_DATASET ?? sampleDatasetPath)
}
