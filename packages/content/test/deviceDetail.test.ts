import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sampleDatasetPath } from '../src/config.ts'
import { loadDevice, loadDeviceListPage } from '../src/loaders.ts'

/** Every listed device, as the lists load them. */
const listedDevices = async (source: Parameters<typeof loadDevice>[0]) =>
  (await loadDeviceListPage(source, { sort: 'name' }, 1, { pageSize: 1000 })).devices

import { createEmbeddedSource } from '../src/source/embedded.ts'
import { collectRejections } from './support/collectRejections.ts'

/**
 * One decision per document: a device whose list fields are fine is listed, so its page must
 * render too. A bad optional page field (the review date, the care text, the review text, a byline)
 * is left off the page and logged with the device's id and the field; the device is not lost.
 */

const documents = readFileSync(sampleDatasetPath, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Record<string, unknown>)
const devices = documents.filter((document) => document._type === 'device')
const slugOf = (document: Record<string, unknown>) => (document.slug as { current: string }).current

function sourceWith(changes: Record<string, Record<string, unknown>>) {
  const directory = mkdtempSync(join(tmpdir(), 'device-detail-'))
  const path = join(directory, 'dataset.ndjson')
  const changed = documents.map((document) => ({ ...document, ...(changes[document._id as string] ?? {}) }))
  writeFileSync(path, changed.map((document) => JSON.stringify(document)).join('\n'))
  return createEmbeddedSource(path)
}

describe('a device with a bad optional page field', () => {
  const rejections = collectRejections()

  it.each([
    ['lastReviewedAt', { lastReviewedAt: 'last Tuesday' }],
    ['care', { care: 42 }],
    ['writer', { writer: { _type: 'reference', _ref: 'no-such-author' } }],
    ['review', { review: 'not portable text' }],
  ])(
    '%s: is listed, and its page renders without that field; the log names the device and field',
    async (field, change) => {
      const device = devices[0]!
      const source = sourceWith({ [device._id as string]: change })
      const listed = (await listedDevices(source)).map((summary) => summary.slug)
      expect(listed).toContain(slugOf(device))
      const page = await loadDevice(source, slugOf(device))
      expect(page, 'a listed device must have a page').not.toBeNull()
      expect(page!.name).toBe(device.name)
      expect(page![field as keyof typeof page]).toSatisfy(
        (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0),
      )
      expect(rejections).toContainEqual(
        expect.objectContaining({
          documentId: device._id,
          where: 'device page, shown without these fields',
          problems: [expect.stringMatching(new RegExp(`^${field}\\b`))],
        }),
      )
    },
  )

  it('a device whose list fields fail is left out everywhere: not listed, and no page', async () => {
    const device = devices[1]!
    const source = sourceWith({ [device._id as string]: { rating: 'excellent' } })
    expect((await listedDevices(source)).map((summary) => summary.slug)).not.toContain(slugOf(device))
    expect(await loadDevice(source, slugOf(device))).toBeNull()
  })
})
