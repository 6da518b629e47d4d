import type { ContentCheckFigures } from './contentCheck.ts'
import type { FirstRequest, LoadFigures } from './load.ts'
import type { MachineDescription } from './machine.ts'
import type { BuildFigures } from './nextApp.ts'
import type { PageId } from './pages.ts'

/** What one run measures, as written to bench/results/latest.json. */

export interface BuildResult extends Partial<BuildFigures> {
  /** True with --skip-build: an earlier build was served, so there is no build time or memory. */
  reused: boolean
}

export interface PageResult {
  id: PageId
  label: string
  path: string
  first: FirstRequest
  /** Whether `next build` prerendered this path (device pages only), from the prerender manifest. */
  prerendered?: boolean
  load: { c1?: LoadFigures; c20?: LoadFigures }
  /** Requests per second at 20 clients, as a fraction of the bare Next.js page's in this run. */
  throughputVsBare?: number
}

export interface SizeResult {
  devices: number
  documents: number
  datasetFile: string
  build?: BuildResult
  contentCheck?: ContentCheckFigures
  server?: { rssAfterBytes: number; peakRssBytes: number }
  pages: Partial<Record<PageId, PageResult>>
  /** What went wrong at this size; the figures measured before it are kept. */
  errors: string[]
}

export interface BareResult {
  build?: BuildResult
  first?: FirstRequest
  load?: LoadFigures
  errors: string[]
}

export type TargetStatus = 'PASS' | 'FAIL' | 'NOT MEASURED'

export interface TargetResult {
  target: string
  status: TargetStatus
  detail: string
}

export interface BenchResults {
  startedAt: string
  finishedAt: string
  machine: MachineDescription
  options: Record<string, unknown>
  bare: BareResult
  sizes: SizeResult[]
  /** Per size above the baseline: each figure as a multiple of the same figure at the baseline size (18). */
  ratios: Record<string, Record<string, number>>
  targets: TargetResult[]
}
