import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadDeviceListPage } from '@microneedling/content/loaders'
import { createEmbeddedSource } from '@microneedling/content/source/embedded'
import { describe, expect, it, vi } from 'vitest'
import { partnerRedirectResponse } from '@/lib/partnerLinks/partnerRedirect'
import { usableOffers } from '@/lib/partnerLinks/usableOffers'

/**
 * Pages and /go/ decide by one rule which offers are usable: every offer a page shows redirects,
 * and every offer that does not redirect is missing from every page. Partners here break the
 * rule in each way content from the API or an import can (the Studio would have refused them).
 */

const fixture = readFileSync(fileURLToPath(new URL('./fixtures/dataset.ndjson', import.meta.url)), 'utf8')
const documents = fixture
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Record<string, unknown>)

const brokenPartners: [string, Record<string, unknown>][] = [
  ['partial-tracking-name-only', { trackingParameter: { name: 'tag' } }],
  ['partial-tracking-value-only', { trackingParameter: { value: 'ours-21' } }],
  ['tracking-name-with-space', { trackingParameter: { name: 'a tag', value: 'x' } }],
  ['public-suffix-host', { allowedHosts: ['example'] }],
  ['port-in-url', {}],
]

function datasetWithBrokenPartners(): string {
  const partner = documents.find((document) => document._type === 'partner')!
  const device = documents.find(
    (document) => document._type === 'device' && Array.isArray(document.offers) && document.offers.length > 0,
  )!
  const template = (device.offers as Record<string, unknown>[])[0]!
  const host = (partner.allowedHosts as string[])[0]!
  const extra = brokenPartners.flatMap(([name, fields], index) => [
    { ...partner, _id: `partner-${name}`, name: `Partner ${name}`, ...fields },
    {
      ...device,
      _id: `device-${name}`,
      name: `Device ${name}`,
      slug: { _type: 'slug', current: `device-${name}` },
      offers: [
        {
          ...template,
          _key: `offer${index}`,
          url: name === 'port-in-url' ? `https://${host}:8443/p` : `https://${host}/p`,
          partner: { _type: 'reference', _ref: `partner-${name}` },
        },
      ],
    },
  ])
  const directory = mkdtempSync(join(tmpdir(), 'offer-agreement-'))
  const path = join(directory, 'dataset.ndjson')
  writeFileSync(path, [...documents, ...extra].map((document) => JSON.stringify(document)).join('\n'))
  return path
}

describe('pages and /go/ agree on which offers are usable', () => {
  it('an offer is shown on pages exactly when its partner link redirects', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const source = createEmbeddedSource(datasetWithBrokenPartners())
    const recorder = { record: () => {} }
    const disagreements: string[] = []
    let shown = 0
    let refused = 0
    for (const device of (await loadDeviceListPage(source, { sort: 'name' }, 1, { pageSize: 1000 })).devices) {
      const usable = new Set(usableOffers(device.slug, device.offers, () => {}).map((offer) => offer.key))
      for (const offer of device.offers) {
        const response = await partnerRedirectResponse(source, `/go/${device.slug}/${offer.key}`, recorder)
        const redirects = response?.status === 302
        if (usable.has(offer.key)) shown++
        else refused++
        if (redirects !== usable.has(offer.key))
          disagreements.push(
            `${device.slug}/${offer.key}: page ${usable.has(offer.key) ? 'shows' : 'hides'} it, /go/ ${redirects ? 'redirects' : 'refuses'}`,
          )
      }
    }
    warn.mockRestore()
    expect(disagreements).toEqual([])
    expect(shown).toBeGreaterThan(0)
    expect(refused).toBeGreaterThanOrEqual(brokenPartners.length)
  })
})
