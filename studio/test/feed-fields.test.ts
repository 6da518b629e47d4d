import type { SanityDocument } from 'sanity'
import { describe, expect, it } from 'vitest'

import { feedManagedNotice } from '../schemaTypes/inputs/feedManagedOfferInput.ts'
import { type DocumentValidationProblem, validateDocumentsWithStudioRules } from '../scripts/validate-documents.ts'
import { homeDeviceOfferKey, sampleDocuments, sampleDocumentsWith, sampleIds } from './sampleDocuments.ts'

/** The feed fields' rules as the Studio runs them, on the field an editor would fix. */

const homeOfferPath = `offers[_key=="${homeDeviceOfferKey}"]`

async function errorsOf(documents: SanityDocument[], documentId: string): Promise<DocumentValidationProblem[]> {
  return (await validateDocumentsWithStudioRules(documents)).filter(
    (problem) => problem.documentId === documentId && problem.level === 'error',
  )
}

describe('feed fields in the Studio', () => {
  it('accepts a partner feed, a device GTIN and an offer with a feed item id and a sale', async () => {
    const documents = sampleDocuments().map((document) => {
      const copy = structuredClone(document) as Record<string, any>
      if (copy._id === sampleIds.partner) {
        copy.feed = {
          url: 'https://feeds.skinshop.example.com/products.tsv.gz',
          format: 'google-tsv',
          refreshHours: 24,
        }
      }
      if (copy._id === sampleIds.homeDevice) {
        copy.gtin = '4006381333931'
        Object.assign(copy.offers[0], {
          feedItemId: 'SKU-1',
          salePrice: 19.99,
          salePriceEffective: { from: '2025-01-01T00:00:00.000Z', to: '2025-01-08T00:00:00.000Z' },
          feedCheckedAt: '2025-01-08T06:00:00.000Z',
        })
      }
      return copy as SanityDocument
    })
    expect(await validateDocumentsWithStudioRules(documents)).toEqual([])
  })

  it('refuses a GTIN with a wrong check digit, naming the right one', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.gtin = '4006381333932'
    })
    expect(await errorsOf(documents, sampleIds.homeDevice)).toEqual([
      expect.objectContaining({ path: 'gtin', message: expect.stringContaining('it should end in 1') }),
    ])
  })

  it('refuses a sale price that is not below the price, and a sale that ends before it starts', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      Object.assign(device.offers[0], {
        salePrice: 24.99,
        salePriceEffective: { from: '2025-01-08T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' },
      })
    })
    expect(await errorsOf(documents, sampleIds.homeDevice)).toEqual([
      expect.objectContaining({
        path: `${homeOfferPath}.salePrice`,
        message: expect.stringContaining('is not below the price (£24.99)'),
      }),
      expect.objectContaining({
        path: `${homeOfferPath}.salePriceEffective`,
        message: expect.stringContaining('ends before it starts'),
      }),
    ])
  })

  it('refuses a feed item id another device’s offer from the same partner has', async () => {
    // The home device's offer, with a feed item id, on both devices.
    const withId = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.offers[0].feedItemId = 'SKU-1'
    })
    const mappedOffer = (withId.find((document) => document._id === sampleIds.homeDevice) as Record<string, any>)
      .offers[0]
    const documents = withId.map((document) =>
      document._id === sampleIds.professionalDevice
        ? { ...document, offers: [structuredClone(mappedOffer)] }
        : document,
    )
    const errors = await errorsOf(documents, sampleIds.professionalDevice)
    expect(errors).toEqual([
      expect.objectContaining({
        path: `${homeOfferPath}.feedItemId`,
        message: expect.stringContaining('DermaCo Home Roller already has an offer from this partner'),
      }),
    ])
  })

  it('refuses a feed over plain http, and a format without an address', async () => {
    const http = sampleDocumentsWith(sampleIds.partner, (partner) => {
      partner.feed = { url: 'http://feeds.skinshop.example.com/products.tsv', format: 'google-tsv' }
    })
    expect(await errorsOf(http, sampleIds.partner)).toEqual([
      expect.objectContaining({ path: 'feed.url', message: expect.stringContaining('https://') }),
    ])
    const noAddress = sampleDocumentsWith(sampleIds.partner, (partner) => {
      partner.feed = { format: 'awin-csv', refreshHours: 200 }
    })
    expect((await errorsOf(noAddress, sampleIds.partner)).map(({ path, message }) => [path, message])).toEqual([
      ['feed.url', 'Enter the feed’s address, or clear the format if the partner has no feed.'],
      ['feed.refreshHours', 'Read it at least weekly and at most hourly: from 1 to 168 hours.'],
    ])
  })
})

describe('an offer a feed keeps, in its form', () => {
  it('says which fields the feed keeps and when it last confirmed them; a hand-kept offer says nothing', () => {
    expect(feedManagedNotice({ feedItemId: 'GS-42', feedCheckedAt: '2026-11-24T06:00:00.000Z' })).toBe(
      'The price, sale price and period, availability and “Price checked on” of this offer come from the partner’s feed (item GS-42), last confirmed 24 Nov 2026, 06:00 UTC. The next import replaces an edit to them: change them at the partner, or clear the feed item id to keep them by hand.',
    )
    expect(feedManagedNotice({ feedItemId: 'GS-42' })).toBeUndefined()
    expect(feedManagedNotice({ feedCheckedAt: '2026-11-24T06:00:00.000Z' })).toBeUndefined()
    expect(feedManagedNotice(undefined)).toBeUndefined()
  })
})
