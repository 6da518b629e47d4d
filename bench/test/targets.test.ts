import { describe, expect, it } from 'vitest'
import { ratiosTo } from '../src/figures.ts'
import type { LoadFigures } from '../src/load.ts'
import { type PageId, pageIds } from '../src/pages.ts'
import type { PageResult, SizeResult } from '../src/results.ts'
import { checkTargets } from '../src/targets.ts'

/** A size's results where every page has the same figures, scaled by the factors given. */
function sizeResult(
  devices: number,
  scale: { latency?: number; html?: number; rps?: number; build?: number; memory?: number; checkMs?: number } = {},
): SizeResult {
  const load = (connections: number): LoadFigures => ({
    connections,
    mode: 'duration',
    seconds: 5,
    responses: 100,
    non2xx: 0,
    errors: 0,
    requestsPerSecond: 100 * (scale.rps ?? 1),
    p50Ms: 10 * (scale.latency ?? 1),
    p95Ms: 20 * (scale.latency ?? 1),
  })
  const page = (id: PageId): PageResult => ({
    id,
    label: id,
    path: `/${id}`,
    first: { status: 200, ms: 30, htmlBytes: 50_000 * (scale.html ?? 1), cacheControl: null, nextCache: null },
    load: { c1: load(1), c20: load(20) },
  })
  return {
    devices,
    documents: devices + 20,
    datasetFile: `devices-${devices}.ndjson`,
    build: { reused: false, seconds: 60 * (scale.build ?? 1), peakRssBytes: 1e9 },
    contentCheck: {
      seconds: 1,
      documents: devices + 20,
      msPerDocument: scale.checkMs ?? 5,
      exitCode: 0,
      summary: '0 errors',
    },
    server: { rssAfterBytes: 200e6 * (scale.memory ?? 1), peakRssBytes: 300e6 },
    pages: Object.fromEntries(pageIds.map((id) => [id, page(id)])),
    errors: [],
  }
}

const statuses = (sizes: SizeResult[], bare = 200) =>
  checkTargets(sizes, bare).map((target) => `${target.status}: ${target.target}`)

describe('checkTargets', () => {
  it('passes every target when the largest catalogue costs what the sample does', () => {
    const results = checkTargets([sizeResult(18), sizeResult(500), sizeResult(10_000)], 200)
    expect(results.length).toBeGreaterThan(8)
    expect(results.filter((target) => target.status !== 'PASS')).toEqual([])
  })

  it('fails the latency targets when pages at 10,000 devices are more than 1.5 times slower', () => {
    const failing = statuses([sizeResult(18), sizeResult(500), sizeResult(10_000, { latency: 1.6 })]).filter((line) =>
      line.startsWith('FAIL'),
    )
    expect(failing).toHaveLength(6)
    for (const line of failing) expect(line).toMatch(/latency/)
  })

  it('fails the HTML target when a list page at 10,000 devices is more than 1.1 times its size at 500', () => {
    const results = checkTargets([sizeResult(18), sizeResult(500), sizeResult(10_000, { html: 1.2 })], 200)
    const html = results.find((target) => target.target.includes('HTML'))
    expect(html?.status).toBe('FAIL')
    expect(html?.detail).toMatch(/devices ratio 1\.20/)
  })

  it('fails build time, server memory and content:check when each passes its limit', () => {
    const results = checkTargets(
      [sizeResult(18), sizeResult(500), sizeResult(10_000, { build: 2.5, memory: 3.5, checkMs: 9 })],
      200,
    )
    const byName = (name: string) => results.find((target) => target.target.includes(name))?.status
    expect(byName('next build')).toBe('FAIL')
    expect(byName('server memory')).toBe('FAIL')
    expect(byName('content:check')).toBe('FAIL')
  })

  it('fails the throughput target when a filtered list serves under 40% of the bare page', () => {
    const results = checkTargets([sizeResult(18), sizeResult(10_000)], 300)
    expect(results.find((target) => target.target.includes('throughput'))?.status).toBe('FAIL')
    const passing = checkTargets([sizeResult(18), sizeResult(10_000)], 200)
    expect(passing.find((target) => target.target.includes('throughput'))?.status).toBe('PASS')
  })

  it('checks at the largest size measured, and says so, when 10,000 devices were not run', () => {
    const results = checkTargets([sizeResult(18), sizeResult(500, { latency: 2 })], 200)
    const latency = results.filter((target) => target.target.includes('latency'))
    expect(latency.every((target) => target.status === 'FAIL' && target.target.includes('at 500'))).toBe(true)
    expect(latency[0]?.detail).toMatch(/10000 devices not measured/)
    expect(results.find((target) => target.target.includes('HTML'))?.status).toBe('NOT MEASURED')
  })

  it('reports targets as not measured when only the sample was run', () => {
    const results = checkTargets([sizeResult(18)], 200)
    expect(results.every((target) => target.status === 'NOT MEASURED')).toBe(true)
  })
})

describe('ratiosTo', () => {
  it('gives each figure as a multiple of the same figure at the baseline', () => {
    const ratios = ratiosTo(sizeResult(18), sizeResult(500, { latency: 3, html: 2, build: 1.5 }))
    expect(ratios['pages.devices.c1.p50Ms']).toBeCloseTo(3)
    expect(ratios['pages.compare.c20.p95Ms']).toBeCloseTo(3)
    expect(ratios['pages.filtered.htmlKB']).toBeCloseTo(2)
    expect(ratios['build.seconds']).toBeCloseTo(1.5)
    expect(ratios['server.rssAfterMB']).toBeCloseTo(1)
  })
})
