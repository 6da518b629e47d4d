import { describe, expect, it } from 'vitest'
import { resolveDatasetPath } from '@/lib/content/datasetPath'

const packageSample = '/repo/packages/content/sample/dataset.ndjson'

describe('resolveDatasetPath', () => {
  it('uses CONTENT_DATASET first, relative to the working directory', () => {
    expect(resolveDatasetPath({ configured: '/data/export.ndjson', packageSample, exists: () => true })).toBe(
      '/data/export.ndjson',
    )
    expect(
      resolveDatasetPath({ configured: 'export.ndjson', packageSample, cwd: '/srv/web', exists: () => true }),
    ).toBe('/srv/web/export.ndjson')
  })

  it('uses the content package sample when it is there', () => {
    expect(resolveDatasetPath({ configured: undefined, packageSample, exists: (path) => path === packageSample })).toBe(
      packageSample,
    )
  })

  it('looks upwards from the working directory when the package path is gone (a moved build)', () => {
    const found = '/srv/app/packages/content/sample/dataset.ndjson'
    expect(
      resolveDatasetPath({
        configured: undefined,
        packageSample,
        cwd: '/srv/app/web',
        exists: (path) => path === found,
      }),
    ).toBe(found)
  })

  it('falls back to the package path, so the error names the expected file', () => {
    expect(resolveDatasetPath({ configured: undefined, packageSample, cwd: '/x', exists: () => false })).toBe(
      packageSample,
    )
  })
})
