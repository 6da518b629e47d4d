import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseNdjson } from '@microneedling/content/source/ndjson'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDurableDataset, seedDataset } from '../src/store/durableDataset.ts'

/** The export file and its journal segments, opened again as a restart after a crash would. */

let directory: string
let exportPath: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'local-lake-durable-'))
  exportPath = join(directory, 'production.ndjson')
  await writeFile(exportPath, '')
})
afterEach(() => rm(directory, { recursive: true, force: true }))

const brand = (id: string, name: string) => ({ _id: id, _type: 'brand', name })
const entry = (id: string, name: string) => ({
  transactionId: `tx-${id}-${name}`,
  timestamp: new Date().toISOString(),
  changes: [{ id, document: brand(id, name) }],
})

describe('durable dataset', () => {
  it('takes appends while the export file is being written, and a reopen without close holds them all', async () => {
    const first = await openDurableDataset(exportPath)
    await first.append(entry('a', 'one'))
    first.documents.set('a', brand('a', 'one'))
    await first.compact()
    // The export file may still be being written: appends go to the next segment meanwhile.
    await first.append(entry('b', 'two'))
    first.documents.set('b', brand('b', 'two'))
    await first.compacted()
    expect((await readdir(directory)).filter((name) => name.includes('.journal.'))).toHaveLength(1)

    // No close: the process died. The restart replays the segment the export file lacks.
    const reopened = await openDurableDataset(exportPath)
    expect([...reopened.documents.keys()].sort()).toEqual(['a', 'b'])
    const onDisk = parseNdjson(await readFile(exportPath, 'utf8')).documents
    expect(onDisk.map((document) => document._id).sort()).toEqual(['a', 'b'])
    await reopened.close()
  })

  it('ignores a torn last journal line (a write cut short, never acknowledged), and refuses a torn middle one', async () => {
    const dataset = await openDurableDataset(exportPath)
    await dataset.append(entry('a', 'kept'))
    const [segment] = (await readdir(directory)).filter((name) => name.includes('.journal.'))
    await appendFile(join(directory, segment!), '{"transactionId":"cut')
    const reopened = await openDurableDataset(exportPath)
    expect(reopened.documents.get('a')).toMatchObject({ name: 'kept' })
    await reopened.close()

    const [next] = (await readdir(directory)).filter((name) => name.includes('.journal.'))
    const torn = next ? join(directory, next) : join(directory, 'production.ndjson.journal.9')
    await appendFile(torn, `not json\n${JSON.stringify(entry('b', 'after'))}\n`)
    await expect(openDurableDataset(exportPath)).rejects.toThrow(/not valid JSON/)
  })

  it('seeding replaces the data and drops any journal', async () => {
    const dataset = await openDurableDataset(exportPath)
    await dataset.append(entry('a', 'gone after reset'))
    const seedPath = join(directory, 'seed.ndjson')
    await writeFile(seedPath, `${JSON.stringify(brand('seeded', 'Seeded'))}\n`)
    expect(await seedDataset(exportPath, seedPath)).toBe(1)
    const reopened = await openDurableDataset(exportPath)
    expect([...reopened.documents.keys()]).toEqual(['seeded'])
    await reopened.close()
  })
})
