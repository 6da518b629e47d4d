import { loadBestForGuide } from '@microneedling/content/loaders'
import type { ContentSource } from '@microneedling/content/source/types'
import { describe, expect, it } from 'vitest'
import { tagsToRevalidate, webhookPayloadSchema } from '@/lib/webhooks/revalidationTags'

const tagsFor = (payload: unknown) => tagsToRevalidate(webhookPayloadSchema.parse(payload)).sort()

describe('tagsToRevalidate', () => {
  it('a device: its page, the device lists, and comparisons (which show device names)', () => {
    expect(tagsFor({ _type: 'device', _id: 'device-a', slug: 'roller-a' })).toEqual([
      'comparisons',
      'device:roller-a',
      'devices',
    ])
  })

  it('a device whose slug changed: its old page too, so the old URL stops showing it', () => {
    expect(tagsFor({ _type: 'device', _id: 'device-a', slug: 'roller-b', previousSlug: 'roller-a' })).toEqual([
      'comparisons',
      'device:roller-a',
      'device:roller-b',
      'devices',
    ])
  })

  it('a deleted device (the projection sends its last slug as both): its page and the lists', () => {
    expect(tagsFor({ _type: 'device', _id: 'device-a', slug: 'roller-a', previousSlug: 'roller-a' })).toEqual([
      'comparisons',
      'device:roller-a',
      'devices',
    ])
  })

  it('a comparison: its page and the comparison lists', () => {
    expect(tagsFor({ _type: 'comparison', _id: 'c', slug: 'pens-compared' })).toEqual([
      'comparison:pens-compared',
      'comparisons',
    ])
  })

  it('a guide: its page and the guide list', () => {
    expect(tagsFor({ _type: 'guide', _id: 'g', slug: 'cleaning' })).toEqual(['guide:cleaning', 'guides'])
  })

  it('a best-for guide: its page (old address too, when renamed) and the list of best-for guides', () => {
    expect(tagsFor({ _type: 'bestForGuide', _id: 'b', slug: 'best-roller', previousSlug: 'top-roller' })).toEqual([
      'bestForGuide:best-roller',
      'bestForGuide:top-roller',
      'bestForGuides',
    ])
  })

  it('refreshes a best-for guide page when it, a device (with its brand or shop) or an author changes', async () => {
    // The tags the guide page's content is read under, as its loader gives them to the source.
    const readUnder: string[] = []
    const recording: ContentSource = {
      kind: 'embedded',
      fetch: async (_query, _params, options) => {
        readUnder.push(...(options?.tags ?? []))
        return null
      },
    }
    await loadBestForGuide(recording, 'best-roller')
    for (const payload of [
      { _type: 'bestForGuide', _id: 'b', slug: 'best-roller' },
      { _type: 'device', _id: 'device-a', slug: 'roller-a' },
      { _type: 'brand', _id: 'brand-a' },
      { _type: 'partner', _id: 'partner-a' },
      { _type: 'author', _id: 'a', slug: 'dr-who' },
      { _type: 'siteSettings', _id: 'siteSettings' },
    ]) {
      expect(
        tagsFor(payload).some((tag) => readUnder.includes(tag)),
        payload._type,
      ).toBe(true)
    }
  })

  it('documents shown inside devices: everything that embeds devices', () => {
    expect(tagsFor({ _type: 'partner', _id: 'p' })).toEqual(['devices', 'partners'])
    expect(tagsFor({ _type: 'brand', _id: 'b' })).toEqual(['devices'])
    expect(tagsFor({ _type: 'author', _id: 'a', slug: 'dr-who' })).toEqual(['authors', 'devices'])
  })

  it('site settings: everything, since every page shows them', () => {
    expect(tagsFor({ _type: 'siteSettings', _id: 'siteSettings' })).toEqual([
      'authors',
      'bestForGuides',
      'comparisons',
      'devices',
      'guides',
      'partners',
      'settings',
    ])
  })

  it('a type the site does not show: nothing', () => {
    expect(tagsFor({ _type: 'sanity.imageAsset', _id: 'image-1' })).toEqual([])
  })

  it('refuses a body that is not the projection', () => {
    expect(webhookPayloadSchema.safeParse({ _id: 'x' }).success).toBe(false)
    expect(webhookPayloadSchema.safeParse('device').success).toBe(false)
  })
})
