import { fileURLToPath } from 'node:url'

/** Where the benchmark reads and writes, resolved from this file so it runs from any directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const webDir = fileURLToPath(new URL('../../web/', import.meta.url))
export const bareNextDir = fileURLToPath(new URL('../bare-next/', import.meta.url))
/** Generated datasets: git-ignored, rewritten only when the generator's output changes. */
export const dataDir = fileURLToPath(new URL('../.data/', import.meta.url))
export const resultsDir = fileURLToPath(new URL('../results/', import.meta.url))

export const datasetFile = (devices: number) => `${dataDir}devices-${devices}.ndjson`
/** Each size builds into its own dist directory under web/ (git-ignored, never a developer's `.next`). */
export const siteDistDir = (devices: number) => `.next-bench-${devices}`
export const bareDistDir = '.next-bench'
