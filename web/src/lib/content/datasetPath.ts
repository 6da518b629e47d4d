import { existsSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'

/**
 * Where the embedded dataset is read from.
 *
 * 1. CONTENT_DATASET, when set (relative paths from the working directory).
 * 2. The content package's own sample (`sampleDatasetPath`, computed from the package's source
 *    location; Turbopack keeps `import.meta.url` pointing at the original file, so this holds in
 *    `next dev` and in `next build && next start`).
 * 3. Should the build have been moved away from its sources, the sample is looked for from the
 *    working directory upwards (`packages/content/sample/dataset.ndjson`).
 */
export function resolveDatasetPath(options: {
  configured: string | undefined
  packageSample: string
  cwd?: string
  exists?: (path: string) => boolean
}): string {
  const cwd = options.cwd ?? process.cwd()
  const exists = options.exists ?? existsSync
  if (options.configured) return isAbsolute(options.configured) ? options.configured : resolve(cwd, options.configured)
  if (exists(options.packageSample)) return options.packageSample
  for (let directory = cwd; ; directory = dirname(directory)) {
    const candidate = join(directory, 'packages', 'content', 'sample', 'dataset.ndjson')
    if (exists(candidate)) return candidate
    if (dirname(directory) === directory) break
  }
  // Nothing found: keep the package path, so the error names the file a first run expects.
  return options.packageSample
}
