import { type PageId, pageIds } from './pages.ts'
import type { SizeResult } from './results.ts'

/**
 * Every figure the benchmark reports at each size, with a stable key (used in the JSON ratios),
 * a label and unit for the table, and how to read it from a size's results.
 */

export interface Figure {
  key: string
  label: string
  unit: string
  /** Where a higher value is better (throughput); ratios are read the other way round. */
  higherIsBetter?: boolean
  value(size: SizeResult): number | undefined
}

const megabytes = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / 1024 / 1024)
const kilobytes = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / 1024)

const pageLabels: Record<PageId, string> = {
  devices: '/devices',
  filtered: 'filtered p1',
  filteredPage2: 'filtered p2',
  compare: 'compare x3',
  deviceTop: 'device top',
  deviceLow: 'device low',
}

function pageFigures(id: PageId): Figure[] {
  const page = (size: SizeResult) => size.pages[id]
  const name = pageLabels[id]
  const load = (connections: 'c1' | 'c20') => [
    {
      key: `pages.${id}.${connections}.p50Ms`,
      label: `${name} p50 @${connections.slice(1)}`,
      unit: 'ms',
      value: (size: SizeResult) => page(size)?.load[connections]?.p50Ms,
    },
    {
      key: `pages.${id}.${connections}.p95Ms`,
      label: `${name} p95 @${connections.slice(1)}`,
      unit: 'ms',
      value: (size: SizeResult) => page(size)?.load[connections]?.p95Ms,
    },
    {
      key: `pages.${id}.${connections}.requestsPerSecond`,
      label: `${name} req/s @${connections.slice(1)}`,
      unit: 'req/s',
      higherIsBetter: true,
      value: (size: SizeResult) => page(size)?.load[connections]?.requestsPerSecond,
    },
  ]
  return [
    {
      key: `pages.${id}.htmlKB`,
      label: `${name} HTML`,
      unit: 'KB',
      value: (size) => kilobytes(page(size)?.first.htmlBytes),
    },
    { key: `pages.${id}.firstMs`, label: `${name} first request`, unit: 'ms', value: (size) => page(size)?.first.ms },
    ...load('c1'),
    ...load('c20'),
    {
      key: `pages.${id}.vsBare`,
      label: `${name} req/s @20 / bare`,
      unit: 'x',
      higherIsBetter: true,
      value: (size) => page(size)?.throughputVsBare,
    },
  ]
}

export const figures: Figure[] = [
  { key: 'build.seconds', label: 'next build time', unit: 's', value: (size) => size.build?.seconds },
  {
    key: 'build.peakRssMB',
    label: 'next build peak memory',
    unit: 'MB',
    value: (size) => megabytes(size.build?.peakRssBytes),
  },
  { key: 'contentCheck.seconds', label: 'content:check time', unit: 's', value: (size) => size.contentCheck?.seconds },
  {
    key: 'contentCheck.msPerDocument',
    label: 'content:check per document',
    unit: 'ms',
    value: (size) => size.contentCheck?.msPerDocument,
  },
  {
    key: 'server.rssAfterMB',
    label: 'server memory after run',
    unit: 'MB',
    value: (size) => megabytes(size.server?.rssAfterBytes),
  },
  {
    key: 'server.peakRssMB',
    label: 'server peak memory',
    unit: 'MB',
    value: (size) => megabytes(size.server?.peakRssBytes),
  },
  ...pageIds.flatMap(pageFigures),
]

export function figureValue(size: SizeResult | undefined, key: string): number | undefined {
  const figure = figures.find((candidate) => candidate.key === key)
  if (!figure) throw new Error(`no figure ${key}`)
  const value = size ? figure.value(size) : undefined
  return value === undefined || Number.isNaN(value) ? undefined : value
}

/** Each figure at `size` as a multiple of the same figure at `baseline`, where both were measured. */
export function ratiosTo(baseline: SizeResult, size: SizeResult): Record<string, number> {
  const ratios: Record<string, number> = {}
  for (const figure of figures) {
    const base = figureValue(baseline, figure.key)
    const value = figureValue(size, figure.key)
    if (base !== undefined && value !== undefined && base > 0) ratios[figure.key] = value / base
  }
  return ratios
}
