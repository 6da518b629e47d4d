import { randomBytes } from 'node:crypto'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sampleDatasetPath } from '@microneedling/content/config'

/**
 * Where the local Content Lake keeps its data and how it is reached. The data folder is
 * git-ignored: the sample dataset it is seeded from stays as committed.
 */

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** `.data/local-lake` at the repository's root, or LOCAL_LAKE_DIR. */
export function lakeDirectory(environment: NodeJS.ProcessEnv = process.env): string {
  return environment.LOCAL_LAKE_DIR?.trim() || join(repositoryRoot, '.data', 'local-lake')
}

export const localLakeDataset = 'production'
/** The project id the Studio and the site use for the local lake (Studio URLs and localStorage keys carry it). */
export const localLakeProjectId = 'local'
export const defaultLakePort = 3400

export function lakeExportPath(directory: string, dataset = localLakeDataset): string {
  return join(directory, `${dataset}.ndjson`)
}

/**
 * The editors' token: LOCAL_LAKE_TOKEN, or one made on first run and kept in the data folder
 * (readable by this user only), so the Studio, the site and scripts agree across restarts.
 */
export async function lakeToken(directory: string, environment: NodeJS.ProcessEnv = process.env): Promise<string> {
  const given = environment.LOCAL_LAKE_TOKEN?.trim()
  if (given) return given
  const tokenPath = join(directory, 'token')
  try {
    const stored = (await readFile(tokenPath, 'utf8')).trim()
    if (stored) return stored
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  await mkdir(directory, { recursive: true })
  const token = `sk-local-${randomBytes(24).toString('base64url')}`
  await writeFile(tokenPath, `${token}\n`, { mode: 0o600 })
  await chmod(tokenPath, 0o600)
  return token
}

/** A port from the environment: a number from 0 (any free port) to 65535, or the default when unset. */
export function portSetting(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`LOCAL_LAKE_PORT must be a port number (0 to 65535), not "${value}"`)
  }
  return port
}

/**
 * How `local-lake start` and `pnpm dev` start the lake, from the environment: LOCAL_LAKE_DIR (data
 * folder), LOCAL_LAKE_SEED (the file a first run copies, the sample by default), LOCAL_LAKE_TOKEN,
 * LOCAL_LAKE_HOST (127.0.0.1) and LOCAL_LAKE_PORT (3400).
 */
export async function lakeSettingsFromEnvironment(environment: NodeJS.ProcessEnv = process.env) {
  const directory = lakeDirectory(environment)
  return {
    exportPath: lakeExportPath(directory),
    seedPath: environment.LOCAL_LAKE_SEED?.trim() || sampleDatasetPath,
    token: await lakeToken(directory, environment),
    projectId: localLakeProjectId,
    host: environment.LOCAL_LAKE_HOST?.trim() || '127.0.0.1',
    port: portSetting(environment.LOCAL_LAKE_PORT, defaultLakePort),
  }
}
