import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults, Result } from 'axe-core'
import type { Page } from 'playwright-core'

/** The rule sets for WCAG 2.2 level AA, including the 2.0 and 2.1 rules it contains. */
export const wcag22aaTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core in the page and returns the WCAG 2.2 AA violations: an empty list is a pass. */
export async function runAxe(page: Page): Promise<Result[]> {
  // Evaluated over the DevTools protocol rather than added as a <script>, so the site's CSP cannot block it.
  await page.evaluate(axeSource)
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(
        document,
        {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        },
      ),
    [...wcag22aaTags],
  )
  return results.violations
}

/** One line per violation and element, so a failing assertion says what to fix and where. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} at ${node.target.join(' ')}`,
      ),
    )
    .join('\n')
}
