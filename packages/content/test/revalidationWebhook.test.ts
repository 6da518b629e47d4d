import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { revalidationWebhook } from '../src/revalidationWebhook.ts'

/** The webhook an editor pastes into Sanity's dashboard is the one the local lake sends. */
describe('revalidation webhook', () => {
  it('the README gives the same filter and projection that the code defines', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8')
    expect(readme).toContain(`\`${revalidationWebhook.filter}\``)
    expect(readme).toContain(`\`${revalidationWebhook.projection}\``)
    expect(readme).toMatch(/retries a failed delivery twice, 30 seconds\s+apart/)
    expect([revalidationWebhook.retries, revalidationWebhook.retryDelayMs]).toEqual([2, 30_000])
  })
})
