import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type LocalLake, startLocalLake } from '@microneedling/local-lake'
import { sampleDatasetPath } from './paths.ts'

/**
 * The local Content Lake (packages/local-lake) as the tests run it: seeded with the sample dataset
 * into a temporary folder of its own, so no test ever writes the committed sample, and that folder
 * removed again on close.
 */

export interface TestLakeOptions {
  /** The token the lake accepts for drafts and writes; a test token of its own by default. */
  token?: string
  port?: number
  dataset?: string
  projectId?: string
}

export async function startTestLake(options: TestLakeOptions = {}): Promise<LocalLake> {
  const directory = await mkdtemp(join(tmpdir(), 'local-lake-test-'))
  let lake: LocalLake
  try {
    lake = await startLocalLake({
      exportPath: join(directory, 'dataset.ndjson'),
      seedPath: sampleDatasetPath,
      token: options.token ?? 'sk-local-lake-test-token',
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.dataset === undefined ? {} : { dataset: options.dataset }),
      ...(options.projectId === undefined ? {} : { projectId: options.projectId }),
    })
  } catch (error) {
    await rm(directory, { recursive: true, force: true })
    throw error
  }
  // The handle itself, not a copy: some of its properties are getters.
  const closeLake = lake.close
  lake.close = async () => {
    try {
      await closeLake()
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  }
  return lake
}

/**
 * The environment that points the site (or `createContentSource`) at the lake, exactly as a
 * deployment would point it at the Content Lake, with SANITY_API_HOST replacing the hosted API.
 */
export function contentLakeEnvironment(
  lake: Pick<LocalLake, 'url' | 'projectId' | 'dataset'>,
  dataset = lake.dataset,
): Record<string, string> {
  return {
    NEXT_PUBLIC_SANITY_PROJECT_ID: lake.projectId,
    NEXT_PUBLIC_SANITY_DATASET: dataset,
    SANITY_API_HOST: lake.url,
  }
}
