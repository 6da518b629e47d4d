import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { sampleDatasetPath } from '@microneedling/content/config'
import { parseNdjson, type StoredDocument } from '@microneedling/content/source/ndjson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * `pnpm content:check` as an editor or CI runs it: a real process, its output and its exit code.
 * The broken dataset is the sample with one bad document per rule, so each finding can only come
 * from the rule it names.
 */

const run = promisify(execFile)
const studioDirectory = new URL('..', import.meta.url).pathname

async function contentCheck(file?: string): Promise<{ exitCode: number; output: string }> {
  const args = [
    '--import',
    './scripts/register-sanity-stub-loader.ts',
    'scripts/content-check.ts',
    ...(file ? [file] : []),
  ]
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: studioDirectory })
    return { exitCode: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { exitCode: failed.code, output: failed.stdout + failed.stderr }
  }
}

const sample = parseNdjson(await readFile(sampleDatasetPath, 'utf8')).documents
const devices = sample.filter((document) => document._type === 'device')

function deviceAt(index: number): StoredDocument {
  return structuredClone(devices[index]!)
}

function withFirstOfferUrl(device: StoredDocument, url: string): StoredDocument {
  const offers = device.offers as Array<Record<string, unknown>>
  offers[0]!.url = url
  return device
}

/** One broken document per rule, each a different document so findings cannot be confused. */
const broken = {
  javascriptUrl: withFirstOfferUrl(deviceAt(0), 'javascript:alert(document.cookie)'),
  foreignHost: withFirstOfferUrl(deviceAt(1), 'https://attacker.example.net/buy'),
  nineMillimetreNeedle: (() => {
    const device = deviceAt(2)
    device.needleSpec = {
      ...(device.needleSpec as object),
      adjustable: false,
      lengthMm: 9,
      minLengthMm: undefined,
      maxLengthMm: undefined,
    }
    return device
  })(),
  danglingBrand: (() => {
    const device = deviceAt(3)
    device.brand = { _type: 'reference', _ref: 'brand-that-was-deleted' }
    return device
  })(),
  onePro: (() => {
    const device = deviceAt(4)
    device.pros = [(device.pros as string[])[0]]
    return device
  })(),
  oneDeviceComparison: (() => {
    const comparison = structuredClone(sample.find((document) => document._type === 'comparison')!)
    comparison.devices = (comparison.devices as unknown[]).slice(0, 1)
    return comparison
  })(),
  emptyDisclosure: {
    ...structuredClone(sample.find((document) => document._id === 'siteSettings')!),
    affiliateDisclosureShort: '  ',
  },
}

let directory: string
let brokenFile: string

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'content-check-'))
  brokenFile = join(directory, 'broken.ndjson')
  const replacements = new Map(Object.values(broken).map((document) => [document._id, document]))
  const documents = sample.map((document) => replacements.get(document._id) ?? document)
  await writeFile(brokenFile, `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`)
})

afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

describe('pnpm content:check', () => {
  it('passes the sample dataset with exit code 0', async () => {
    const { exitCode, output } = await contentCheck()
    expect(output).toMatch(/dataset\.ndjson: 0 errors/)
    expect(exitCode).toBe(0)
  })

  describe('on a dataset with one bad document per rule', () => {
    let result: { exitCode: number; output: string }
    beforeAll(async () => {
      result = await contentCheck(brokenFile)
    }, 120_000)

    const errorLines = () => result.output.split('\n').filter((line) => line.startsWith('ERROR '))
    const linesFor = (documentId: string) => errorLines().filter((line) => line.startsWith(`ERROR ${documentId} `))

    it('exits 1', () => {
      expect(result.exitCode).toBe(1)
    })

    it('reports a javascript: offer URL on its device and offer, by the Studio rule and the zod schema', () => {
      const lines = linesFor(broken.javascriptUrl._id)
      expect(lines.some((line) => /offers\[_key==".+"\]\.url \[studio\]/.test(line))).toBe(true)
      expect(lines.some((line) => /\[zod:device offer\].*https/.test(line))).toBe(true)
    })

    it('reports an offer on a host its partner does not allow', () => {
      expect(
        linesFor(broken.foreignHost._id).some((line) =>
          /\.url \[studio\].*attacker\.example\.net.*not a host/.test(line),
        ),
      ).toBe(true)
    })

    it('reports a 9 mm needle against the 0.1-3.0 mm rule', () => {
      expect(
        linesFor(broken.nineMillimetreNeedle._id).some((line) => /needleSpec\.lengthMm \[studio\].*3/.test(line)),
      ).toBe(true)
    })

    it('reports a dangling reference by field and by the reference rule', () => {
      expect(
        linesFor(broken.danglingBrand._id).some((line) => /brand \[reference\].*brand-that-was-deleted/.test(line)),
      ).toBe(true)
    })

    it('reports a comparison with one device', () => {
      expect(linesFor(broken.oneDeviceComparison._id).some((line) => /devices \[studio\]/.test(line))).toBe(true)
    })

    it('reports an empty short disclosure, by the Studio rule and the zod schema', () => {
      const lines = linesFor('siteSettings')
      expect(lines.some((line) => /affiliateDisclosureShort \[studio\]/.test(line))).toBe(true)
      expect(lines.some((line) => /\[zod:site settings\].*affiliateDisclosureShort/.test(line))).toBe(true)
    })

    it('reports a device with one pro', () => {
      expect(linesFor(broken.onePro._id).some((line) => /pros \[studio\]/.test(line))).toBe(true)
    })

    it('reports nothing about documents that were not broken', () => {
      const brokenIds = new Set(Object.values(broken).map((document) => document._id))
      const others = errorLines().filter((line) => !brokenIds.has(line.split(' ')[1]!))
      expect(others).toEqual([])
    })
  })
})
