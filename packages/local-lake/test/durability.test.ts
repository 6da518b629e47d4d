import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sampleDatasetPath } from '@microneedling/content/config'
import { createEmbeddedSource } from '@microneedling/content/source/embedded'
import { parseNdjson } from '@microneedling/content/source/ndjson'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { killHard, startLakeProcess } from './support/lakeProcess.ts'
import { clientFor, testToken } from './support/testLake.ts'

/**
 * A transaction is on disk before it is acknowledged: the lake killed with SIGKILL in the middle
 * of a burst restarts with an export file that parses and holds every acknowledged transaction.
 */

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'local-lake-crash-'))
})
afterEach(() => rm(directory, { recursive: true, force: true }))

const environment = () => ({
  LOCAL_LAKE_DIR: directory,
  LOCAL_LAKE_PORT: '0',
  LOCAL_LAKE_TOKEN: testToken,
  LOCAL_LAKE_SEED: sampleDatasetPath,
})

/** Sends `count` transactions, `concurrency` at a time; returns the ids of those acknowledged. */
async function burst(url: string, count: number, concurrency: number, onAcknowledged: (done: number) => void) {
  const client = clientFor({ url })
  const acknowledged: string[] = []
  let next = 0
  async function worker() {
    while (next < count) {
      const index = next++
      const id = `crash-test-${String(index).padStart(3, '0')}`
      try {
        await client.createOrReplace({ _id: id, _type: 'brand', name: `Brand ${index}`, sequence: index })
        acknowledged.push(id)
        onAcknowledged(acknowledged.length)
      } catch {
        return
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return acknowledged
}

async function storedIds(exportPath: string) {
  const { documents, problems } = parseNdjson(await readFile(exportPath, 'utf8'))
  expect(problems).toEqual([])
  return new Set(documents.map((document) => document._id))
}

describe('crash safety', () => {
  it('SIGKILL right after the 500th acknowledgement: a restart holds all 500', async () => {
    const lake = await startLakeProcess(environment())
    let killed: Promise<void> | undefined
    const acknowledged = await burst(lake.url, 500, 8, (done) => {
      if (done === 500) killed = killHard(lake)
    })
    await killed
    expect(acknowledged).toHaveLength(500)

    const restarted = await startLakeProcess(environment())
    const exportPath = join(directory, 'production.ndjson')
    // The restart folds the journal into the export file before it answers.
    const ids = await storedIds(exportPath)
    for (const id of acknowledged) expect(ids.has(id), id).toBe(true)
    expect(await clientFor({ url: restarted.url }).fetch('count(*[_id match "crash-test-*"])')).toBe(500)
    // The embedded source reads the same file.
    const embedded = createEmbeddedSource(exportPath)
    expect(await embedded.fetch('count(*[_type == "brand" && defined(sequence)])')).toBe(500)
    await killHard(restarted)
  }, 60_000)

  it('SIGKILL in the middle of the burst: the file parses and holds every acknowledged transaction', async () => {
    const lake = await startLakeProcess(environment())
    let killed: Promise<void> | undefined
    const acknowledged = await burst(lake.url, 500, 8, (done) => {
      if (done === 250) killed ??= killHard(lake)
    })
    await killed
    expect(acknowledged.length).toBeGreaterThanOrEqual(250)
    expect(acknowledged.length).toBeLessThan(500)

    const restarted = await startLakeProcess(environment())
    const ids = await storedIds(join(directory, 'production.ndjson'))
    for (const id of acknowledged) expect(ids.has(id), id).toBe(true)
    await killHard(restarted)
  }, 60_000)
})
