import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { onRejection } from '../src/rejections.ts'
import { lenientList, offerSchema, siteSettingsSchema } from '../src/schemas.ts'
import { collectRejections } from './support/collectRejections.ts'

const validOffer = {
  key: 'offer-good',
  url: 'https://shop.example.com/roller',
  price: 24.99,
  currency: 'GBP',
  availability: 'inStock',
  priceCheckedAt: '2025-05-01',
  partner: { _id: 'partner-a', name: 'Shop A', slug: 'shop-a' },
}

describe('lenientList', () => {
  const rejections = collectRejections()
  const offers = lenientList(offerSchema, 'device offer')

  it('keeps the good items, in order, and leaves out the bad ones', () => {
    const kept = offers.parse([
      validOffer,
      { ...validOffer, key: 'offer-http', url: 'http://shop.example.com/roller' },
      { ...validOffer, key: 'offer-second' },
      { ...validOffer, key: 'offer-negative', price: -5 },
    ])
    expect(kept.map((offer) => offer.key)).toEqual(['offer-good', 'offer-second'])
  })

  it('reports each left-out item by its id, where it was, and what was wrong', () => {
    offers.parse([
      validOffer,
      { ...validOffer, key: 'offer-http', url: 'http://shop.example.com/roller' },
      { ...validOffer, key: 'offer-bad-currency', currency: 'pounds' },
    ])
    expect(rejections.map((rejection) => rejection.documentId)).toEqual(['offer-http', 'offer-bad-currency'])
    expect(rejections.every((rejection) => rejection.where === 'device offer')).toBe(true)
    expect(rejections[0]?.problems.join()).toMatch(/url: offer URL must be https/)
    expect(rejections[1]?.problems.join()).toMatch(/currency: currency must be an ISO 4217 code/)
  })

  it('identifies items by _id, then key, then _key, and says so when it cannot', () => {
    const named = lenientList(z.object({ ok: z.literal(true) }), 'test item')
    named.parse([
      { _id: 'doc-1' },
      { key: 'key-2' },
      { _key: 'k3' },
      { slug: 'slug-4' },
      { nothing: 1 },
      'just a string',
      null,
    ])
    expect(rejections.map((rejection) => rejection.documentId)).toEqual([
      'doc-1',
      'key-2',
      'k3',
      'slug-4',
      '(unidentified)',
      '(unidentified)',
      '(a missing or unpublished referenced document)',
    ])
  })

  it('reads a missing list (null or undefined from GROQ) as empty, reporting nothing', () => {
    expect(offers.parse(null)).toEqual([])
    expect(offers.parse(undefined)).toEqual([])
    expect(rejections).toEqual([])
  })

  it('still fails when the value is not a list at all: that is a broken query, not bad content', () => {
    expect(offers.safeParse({ key: 'not-a-list' }).success).toBe(false)
  })

  it('logs left-out items to the console once the collecting listener is removed, so production keeps a trail', () => {
    const restore = onRejection(() => {})
    restore()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      offers.parse([{ ...validOffer, key: 'offer-logged', price: 'free' }])
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/left out offer-logged \(device offer\): price:/)
    } finally {
      warn.mockRestore()
    }
  })
})

describe('site settings caveats', () => {
  const rejections = collectRejections()
  const settings = {
    siteName: 'Needle Notes',
    affiliateDisclosureShort: 'We earn a commission from partner links.',
    affiliateDisclosureFull: [{ _type: 'block', _key: 'b1' }],
    medicalDisclaimer: 'Not medical advice.',
  }

  it('leaves out a blank caveat but keeps the page usable with the rest', () => {
    const parsed = siteSettingsSchema.parse({
      ...settings,
      homeDeviceCaveats: [
        { _key: 'c-blunt', statement: 'Home needles are shorter and blunter.' },
        { _key: 'c-empty', statement: '   ' },
      ],
    })
    expect(parsed.homeDeviceCaveats.map((caveat) => caveat._key)).toEqual(['c-blunt'])
    expect(rejections.map((rejection) => rejection.documentId)).toEqual(['c-empty'])
  })

  it('refuses settings whose caveats are all unusable: home-device pages must show caveats', () => {
    const result = siteSettingsSchema.safeParse({
      ...settings,
      homeDeviceCaveats: [{ _key: 'c-empty', statement: '' }],
    })
    expect(result.success).toBe(false)
  })
})
