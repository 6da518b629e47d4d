import { figures } from './figures.ts'
import type { BenchResults } from './results.ts'
import { baselineSize } from './targets.ts'

/** The table printed at the end of a run: one row per figure, one column per size, ratios to 18 devices. */

function formatValue(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '-'
  if (Math.abs(value) >= 100) return value.toFixed(0)
  if (Math.abs(value) >= 10) return value.toFixed(1)
  return value.toFixed(2)
}

function formatRatio(ratio: number | undefined): string {
  return ratio === undefined ? '' : ` (${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}x)`
}

function renderTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    )
    .join('\n')
}

export function formatReport(results: BenchResults): string {
  const sizes = results.sizes
  const header = ['figure', 'unit', ...sizes.map((size) => `${size.devices} devices`)]
  const rows = figures.map((figure) => [
    figure.label,
    figure.unit,
    ...sizes.map((size) => {
      const value = figure.value(size)
      const ratio = size.devices === baselineSize ? undefined : results.ratios[size.devices]?.[figure.key]
      return `${formatValue(value)}${formatRatio(ratio)}`
    }),
  ])
  const lines = [
    `Benchmark: ${results.machine.cpus} cores (${results.machine.cpuModel}), Node ${results.machine.node}`,
    `(x) = the same figure at ${baselineSize} devices; "@1"/"@20" = concurrent clients; p50/p95 latency in ms`,
    '',
    renderTable([header, ...rows]),
    '',
  ]
  const bare = results.bare
  lines.push(
    `bare Next.js page @20: ${formatValue(bare.load?.requestsPerSecond)} req/s, p50 ${formatValue(bare.load?.p50Ms)} ms, ` +
      `p95 ${formatValue(bare.load?.p95Ms)} ms`,
  )
  for (const size of sizes) {
    const devicePages = [size.pages.deviceTop, size.pages.deviceLow].filter((page) => page !== undefined)
    const prerendering = devicePages
      .map((page) => `${page.path} ${page.prerendered ? 'prerendered' : 'not prerendered'}`)
      .join(', ')
    const statuses = Object.values(size.pages)
      .filter((page) => page.first.status !== 200)
      .map((page) => `${page.path} answered ${page.first.status}`)
    lines.push(
      `${size.devices} devices: ${prerendering || 'no device pages measured'}` +
        `${statuses.length > 0 ? `; ${statuses.join(', ')}` : ''}` +
        `${size.contentCheck ? `; content:check: ${size.contentCheck.summary}` : ''}`,
    )
    const fixedAmount = Object.values(size.pages).filter((page) => page.load.c20?.mode === 'amount')
    if (fixedAmount.length > 0) {
      lines.push(
        `  too slow for a ${results.options.duration} s run at 20 clients, so loaded with a fixed number of requests: ` +
          fixedAmount.map((page) => page.path).join(', '),
      )
    }
    for (const error of size.errors) lines.push(`  ERROR at ${size.devices} devices: ${error}`)
  }
  for (const error of bare.errors) lines.push(`  ERROR in the bare Next.js app: ${error}`)
  lines.push('', 'Targets:')
  for (const target of results.targets) {
    lines.push(`  ${target.status.padEnd(12)} ${target.target}`, `               ${target.detail}`)
  }
  return lines.join('\n')
}
