import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sampleDatasetPath } from '@microneedling/content/config'
import { createClient, type SanityClient } from '@sanity/client'
import { type LocalLake, type LocalLakeOptions, startLocalLake } from '../../src/localLake.ts'

export const testToken = 'sk-local-test-token-5c1e0b'

/** A lake on a free loopback port, over a copy of the sample in a folder of its own. */
export async function startTestLake(
  options: Partial<LocalLakeOptions> = {},
): Promise<LocalLake & { directory: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'local-lake-test-'))
  const lake = await startLocalLake({
    exportPath: join(directory, 'production.ndjson'),
    seedPath: sampleDatasetPath,
    token: testToken,
    ...options,
  })
  const closeLake = lake.close
  return Object.assign(lake, {
    directory,
    async close() {
      await closeLake()
      await rm(directory, { recursive: true, force: true })
    },
  })
}

/** @sanity/client on the lake, as a script or the site would configure it. */
export function clientFor(
  lake: Pick<LocalLake, 'url'>,
  options: { token?: string | null; apiVersion?: string } = {},
): SanityClient {
  const token = options.token === undefined ? testToken : options.token
  return createClient({
    projectId: 'local',
    dataset: 'production',
    apiVersion: options.apiVersion ?? '2025-02-19',
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
    maxRetries: 0,
    ...(token ? { token } : {}),
  })
}
