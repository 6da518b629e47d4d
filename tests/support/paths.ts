import { fileURLToPath } from 'node:url'

/** Where things live in the monorepo, resolved from this file so tests run from any directory. */
export const webDir = fileURLToPath(new URL('../../web/', import.meta.url))
export const testsDir = fileURLToPath(new URL('../', import.meta.url))
export const studioDir = fileURLToPath(new URL('../../studio/', import.meta.url))
export const contentSrcDir = fileURLToPath(new URL('../../packages/content/src/', import.meta.url))

/** The build directory the tests use, so they never overwrite a developer's `.next`. web/next.config.ts honours it. */
export const testDistDir = '.next-test'

export { sampleDatasetPath } from '@microneedling/content/config'
