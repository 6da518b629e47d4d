import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sampleDatasetPath } from '@microneedling/content/config'
import { type LocalLake, startLocalLake } from '@microneedling/local-lake'
import { createClient, type SanityClient } from '@sanity/client'

const token = 'sk-local-feeds-test-7d1c'

/** The local Content Lake over a copy of the sample, and @sanity/client on it as an import writes. */
export async function startSampleLake(): Promise<{ lake: LocalLake; client: SanityClient; close(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'feeds-lake-'))
  const lake = await startLocalLake({
    exportPath: join(directory, 'production.ndjson'),
    seedPath: sampleDatasetPath,
    token,
  })
  const client = createClient({
    projectId: lake.projectId,
    dataset: lake.dataset,
    apiVersion: '2025-02-19',
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
    token,
    maxRetries: 0,
  })
  return {
    lake,
    client,
    async close() {
      await lake.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}

/** A published-perspective query, as the site's content source runs one. */
export function publishedQuery(client: SanityClient) {
  return (query: string, params: Record<string, string>) =>
    client.fetch(query, params, { perspective: 'published', useCdn: false })
}
