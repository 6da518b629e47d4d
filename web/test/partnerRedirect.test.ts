import { fileURLToPath } from 'node:url'
import { createEmbeddedSource } from '@microneedling/content/source/embedded'
import { describe, expect, it, vi } from 'vitest'
import type { ClickEvent } from '@/lib/clicks/clickEvent'
import { parseGoPath, partnerRedirectResponse } from '@/lib/partnerLinks/partnerRedirect'

const source = createEmbeddedSource(fileURLToPath(new URL('./fixtures/dataset.ndjson', import.meta.url)))
const at = new Date('2026-02-01T12:00:00Z')

function collecting() {
  const clicks: ClickEvent[] = []
  return { clicks, recorder: { record: (click: ClickEvent) => void clicks.push(click) } }
}

describe('parseGoPath', () => {
  it('reads the device slug and offer key', () => {
    expect(parseGoPath('/go/lumina-roller/o1')).toEqual({ device: 'lumina-roller', offer: 'o1' })
    expect(parseGoPath('/go/lumina-roller/o1/')).toEqual({ device: 'lumina-roller', offer: 'o1' })
  })

  it('refuses anything that cannot name an offer', () => {
    for (const path of [
      '/go/a',
      '/go/a/b/c',
      '/go//b',
      '/devices/a/b',
      '/go/a/%E0%A4%A',
      '/go/..%2F/b',
      '/go/a/b%20c',
    ]) {
      expect(parseGoPath(path), path).toBeNull()
    }
  })
})

describe('partnerRedirectResponse', () => {
  it('answers 302 to the stored https URL with the partner tracking parameter, and records the click', async () => {
    const { clicks, recorder } = collecting()
    const response = await partnerRedirectResponse(source, '/go/lumina-titanium-roller-025/o1', recorder, {
      filtered: false,
      pageKind: 'device',
      now: () => at,
    })
    expect(response?.status).toBe(302)
    expect(response?.headers.get('location')).toBe('https://skincaredirect.example/p/lumina-roller?aff=needlenotes')
    expect(response?.headers.get('cache-control')).toContain('no-store')
    expect(clicks).toEqual([
      {
        device: 'lumina-titanium-roller-025',
        offer: 'o1',
        partner: 'Skincare Direct',
        pageKind: 'device',
        at,
        filtered: false,
      },
    ])
  })

  it('allows subdomains of an allowed host and leaves the URL alone without a tracking parameter', async () => {
    const { recorder } = collecting()
    const response = await partnerRedirectResponse(source, '/go/lumina-titanium-roller-025/o2', recorder)
    expect(response?.headers.get('location')).toBe('https://www.beautymarket.example/item/88')
  })

  it('gives nothing (so the 404 page) for unknown devices and offers', async () => {
    const { clicks, recorder } = collecting()
    expect(await partnerRedirectResponse(source, '/go/no-such-device/o1', recorder)).toBeNull()
    expect(await partnerRedirectResponse(source, '/go/lumina-titanium-roller-025/no-such-offer', recorder)).toBeNull()
    // A document that failed its schema is not a device.
    expect(await partnerRedirectResponse(source, '/go/broken-device/o1', recorder)).toBeNull()
    expect(clicks).toEqual([])
  })

  it('refuses a stored URL on a host the partner does not allow', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { clicks, recorder } = collecting()
    expect(await partnerRedirectResponse(source, '/go/dermapro-pen-x/o2', recorder)).toBeNull()
    expect(clicks).toEqual([])
    warn.mockRestore()
  })

  it('answers filtered requests (HEAD, prefetch, bots) the same and counts them apart', async () => {
    const { clicks, recorder } = collecting()
    const response = await partnerRedirectResponse(source, '/go/dermapro-pen-x/o1', recorder, {
      filtered: true,
      pageKind: 'unknown',
    })
    expect(response?.headers.get('location')).toBe('https://proclinicsupply.example/pen-x?ref=nn')
    expect(clicks.map((click) => click.filtered)).toEqual([true])
  })

  it('still redirects when recording fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failing = {
      record: () => {
        throw new Error('queue broken')
      },
    }
    const response = await partnerRedirectResponse(source, '/go/dermapro-pen-x/o1', failing)
    expect(response?.status).toBe(302)
    error.mockRestore()
  })
})
