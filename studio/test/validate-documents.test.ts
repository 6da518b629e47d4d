import { describe, expect, it } from 'vitest'

import { type DocumentValidationProblem, validateDocumentsWithStudioRules } from '../scripts/validate-documents.ts'
import { homeDeviceOfferKey, sampleDocuments, sampleDocumentsWith, sampleIds } from './sampleDocuments.ts'

const homeOfferPath = `offers[_key=="${homeDeviceOfferKey}"]`

function problemsOf(
  problems: DocumentValidationProblem[],
  documentId: string,
  level: DocumentValidationProblem['level'],
) {
  return problems.filter((problem) => problem.documentId === documentId && problem.level === level)
}

function errorsOf(problems: DocumentValidationProblem[], documentId: string) {
  return problemsOf(problems, documentId, 'error')
}

describe('validateDocumentsWithStudioRules', () => {
  it('finds nothing wrong with a valid content set', async () => {
    expect(await validateDocumentsWithStudioRules(sampleDocuments())).toEqual([])
  })

  it('refuses an offer link that is not https', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.offers[0].url = 'javascript:alert(document.cookie)'
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
    expect(errors).toEqual([
      expect.objectContaining({ path: `${homeOfferPath}.url`, message: expect.stringContaining('https://') }),
    ])
  })

  it('refuses an offer link on a host its partner does not allow', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.offers[0].url = 'https://skinshop.example.com.attacker.example/roller'
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
    expect(errors).toEqual([
      expect.objectContaining({
        path: `${homeOfferPath}.url`,
        message: expect.stringContaining('"skinshop.example.com.attacker.example" is not a host SkinShop allows'),
      }),
    ])
  })

  it('checks the host against the partner the offer names, not any partner', async () => {
    const documents = sampleDocumentsWith(sampleIds.partner, (partner) => {
      partner.allowedHosts = ['other-shop.example.org']
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
    expect(errors.map((error) => error.path)).toEqual([`${homeOfferPath}.url`])
  })

  it('asks for a partner before checking the host of an offer without one', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      delete device.offers[0].partner
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
    expect(errors).toEqual([
      expect.objectContaining({ path: `${homeOfferPath}.partner`, message: 'Choose the partner that sells it.' }),
    ])
  })

  it('refuses a 9 mm needle', async () => {
    const documents = sampleDocumentsWith(sampleIds.professionalDevice, (device) => {
      device.needleSpec = { ...device.needleSpec, adjustable: false, lengthMm: 9 }
      delete device.needleSpec.minLengthMm
      delete device.needleSpec.maxLengthMm
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.professionalDevice)
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'needleSpec.lengthMm',
        message: 'Needle length must be between 0.1 mm and 3 mm; 9 mm is outside that.',
      }),
    ])
  })

  it('refuses an adjustable range whose longest setting is below its shortest', async () => {
    const documents = sampleDocumentsWith(sampleIds.professionalDevice, (device) => {
      device.needleSpec.minLengthMm = 1.5
      device.needleSpec.maxLengthMm = 0.5
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.professionalDevice)
    expect(errors).toEqual([expect.objectContaining({ path: 'needleSpec.maxLengthMm' })])
  })

  it('asks for the length that matches the needle kind', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      delete device.needleSpec.lengthMm
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'needleSpec.lengthMm',
        message: 'Enter the needle length in mm, or mark the needles as adjustable.',
      }),
    ])
  })

  it('warns, without blocking, about a home device with needles longer than 0.3 mm', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.needleSpec.lengthMm = 1
    })
    const problems = await validateDocumentsWithStudioRules(documents)
    expect(errorsOf(problems, sampleIds.homeDevice)).toEqual([])
    const warnings = problemsOf(problems, sampleIds.homeDevice, 'warning')
    expect(warnings).toHaveLength(2)
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'needleSpec',
          message: expect.stringContaining('Home devices rarely go beyond 0.3 mm'),
        }),
        // Its twice-weekly schedule was fine at 0.25 mm; at 1 mm it is more often than we advise.
        expect.objectContaining({
          path: 'sessionsPerMonth',
          message: expect.stringContaining('more often than we advise for needles reaching 1 mm (at most 2)'),
        }),
      ]),
    )
  })

  it('refuses a comparison of one device', async () => {
    const documents = sampleDocumentsWith(sampleIds.comparison, (comparison) => {
      comparison.devices = comparison.devices.slice(0, 1)
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.comparison)
    expect(errors).toEqual([expect.objectContaining({ path: 'devices', message: 'Choose 2 to 4 devices to compare.' })])
  })

  it('refuses a comparison that lists the same device twice', async () => {
    const documents = sampleDocumentsWith(sampleIds.comparison, (comparison) => {
      comparison.devices[1]._ref = sampleIds.homeDevice
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.comparison)
    expect(errors.map((error) => error.message)).toContain('This device is already in the comparison.')
  })

  it('refuses an affiliate disclosure of blank space', async () => {
    const documents = sampleDocumentsWith(sampleIds.siteSettings, (settings) => {
      settings.affiliateDisclosureShort = '   '
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.siteSettings)
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'affiliateDisclosureShort',
        message: expect.stringContaining('cannot be empty'),
      }),
    ])
  })

  it('refuses settings without home-device caveats', async () => {
    const documents = sampleDocumentsWith(sampleIds.siteSettings, (settings) => {
      settings.homeDeviceCaveats = []
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.siteSettings)
    expect(errors.map((error) => error.path)).toEqual(['homeDeviceCaveats'])
  })

  it('refuses a device with one pro', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.pros = ['Cheap']
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
    expect(errors).toEqual([
      expect.objectContaining({ path: 'pros', message: expect.stringContaining('at least 2 pros') }),
    ])
  })

  it('refuses a rating with two decimals', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.rating = 7.25
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
    expect(errors).toEqual([expect.objectContaining({ path: 'rating', message: 'Use at most one decimal, like 7.5.' })])
  })

  it('refuses a currency outside the vocabulary, and a negative price', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.offers[0].currency = 'XBT'
      device.offers[0].price = -1
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: `${homeOfferPath}.currency`,
          message: expect.stringContaining('GBP, USD, EUR'),
        }),
        expect.objectContaining({ path: `${homeOfferPath}.price`, message: 'A price cannot be negative.' }),
      ]),
    )
    expect(errors).toHaveLength(2)
  })

  it('refuses an image without alternative text', async () => {
    const assetId = 'image-0123456789abcdef-800x600-jpg'
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.images = [{ _type: 'image', _key: 'front', asset: { _type: 'reference', _ref: assetId }, alt: ' ' }]
    })
    const asset = { ...sampleDocuments()[0]!, _id: assetId, _type: 'sanity.imageAsset' }
    const errors = errorsOf(await validateDocumentsWithStudioRules([...documents, asset]), sampleIds.homeDevice)
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'images[_key=="front"].alt',
        message: 'Describe the image in the alternative text.',
      }),
    ])
  })

  it('refuses a price checked in the future', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.offers[0].priceCheckedAt = '2999-01-01'
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
    expect(errors.map((error) => error.path)).toEqual([`${homeOfferPath}.priceCheckedAt`])
  })

  it('refuses a slug another device already has', async () => {
    const documents = sampleDocumentsWith(sampleIds.professionalDevice, (device) => {
      device.slug.current = 'dermaco-home-roller'
    })
    const problems = await validateDocumentsWithStudioRules(documents)
    const slugTaken = { path: 'slug', message: 'Slug is already in use' }
    expect(errorsOf(problems, sampleIds.professionalDevice)).toEqual([expect.objectContaining(slugTaken)])
    expect(errorsOf(problems, sampleIds.homeDevice)).toEqual([expect.objectContaining(slugTaken)])
  })

  it('refuses a partner host written as a URL', async () => {
    const documents = sampleDocumentsWith(sampleIds.partner, (partner) => {
      partner.allowedHosts = ['https://skinshop.example.com']
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.partner)
    expect(errors).toEqual([
      expect.objectContaining({ path: 'allowedHosts[0]', message: expect.stringContaining('no https://') }),
    ])
  })

  it('reports a field the schema does not know, as a warning', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.needleLength = 0.25
    })
    const problems = await validateDocumentsWithStudioRules(documents)
    expect(errorsOf(problems, sampleIds.homeDevice)).toEqual([])
    expect(problemsOf(problems, sampleIds.homeDevice, 'warning')).toEqual([
      expect.objectContaining({
        path: 'needleLength',
        message: "Field 'needleLength' does not exist on type 'device'",
      }),
    ])
  })

  it('reports fields the schema does not know inside an offer and the needle spec, as warnings', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.offers[0].coupon = 'SAVE10'
      device.needleSpec.gauge = 32
    })
    const problems = await validateDocumentsWithStudioRules(documents)
    expect(errorsOf(problems, sampleIds.homeDevice)).toEqual([])
    const unknownFields = problemsOf(problems, sampleIds.homeDevice, 'warning').filter((problem) =>
      problem.message.includes('does not exist'),
    )
    expect(new Set(unknownFields.map((problem) => `${problem.path}: ${problem.message}`))).toEqual(
      new Set([
        `${homeOfferPath}.coupon: Field 'coupon' does not exist on type 'offer'`,
        "needleSpec.gauge: Field 'gauge' does not exist on type 'needleSpec'",
      ]),
    )
  })

  it('reports a document whose type the Studio does not have', async () => {
    const documents = [...sampleDocuments(), { ...sampleDocuments()[0]!, _id: 'shop-1', _type: 'shop' }]
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), 'shop-1')
    expect(errors).toEqual([expect.objectContaining({ message: 'The Studio has no document type "shop".' })])
  })

  describe('running costs', () => {
    const headPath = 'consumables[_key=="head"]'
    /** The Studio's rules run concurrently, so problems come in no fixed order. */
    const expectProblems = (actual: DocumentValidationProblem[], expected: unknown[]) => {
      expect(actual).toHaveLength(expected.length)
      expect(actual).toEqual(expect.arrayContaining(expected))
    }

    it('refuses the whole device as what wears out on a device with a replaceable head', async () => {
      const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
        device.consumables = [{ _type: 'consumable', _key: 'whole', kind: 'wholeDevice', packSize: 1, usesEach: 10 }]
      })
      const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
      expect(errors).toEqual([
        expect.objectContaining({ path: 'consumables', message: expect.stringContaining('not thrown away whole') }),
      ])
    })

    it('refuses a head or cartridge on a device whose needles cannot be replaced, and the same kind twice', async () => {
      const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
        device.needleSpec.replaceableHead = false
      })
      const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
      expect(errors).toEqual([
        expect.objectContaining({
          path: 'consumables',
          message: expect.stringContaining('A replacement head is listed'),
        }),
      ])
      const twice = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
        device.consumables.push({ ...device.consumables[0], _key: 'second-head' })
      })
      expect(errorsOf(await validateDocumentsWithStudioRules(twice), sampleIds.homeDevice)).toEqual([
        expect.objectContaining({ path: 'consumables', message: expect.stringContaining('List each kind once') }),
      ])
    })

    it('refuses a pack of none, a part of a use, and a price of zero or less', async () => {
      const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
        device.consumables[0].packSize = 0
        device.consumables[0].usesEach = 2.5
        device.consumables[0].price = -3
      })
      const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
      expect(new Set(errors.map((error) => `${error.path}: ${error.message}`))).toEqual(
        new Set([
          `${headPath}.packSize: Enter how many come in a pack: a whole number, 1 or more.`,
          `${headPath}.usesEach: Enter how many sessions each one lasts: a whole number, 1 or more.`,
          `${headPath}.price: A price is above zero. Clear it if you do not know the price yet.`,
        ]),
      )
    })

    it('refuses a schedule of no sessions, of part of one, or of more than one a day', async () => {
      for (const sessionsPerMonth of [0, 2.5, 40]) {
        const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
          device.sessionsPerMonth = sessionsPerMonth
        })
        const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
        expect(errors, String(sessionsPerMonth)).toEqual([
          expect.objectContaining({ path: 'sessionsPerMonth', message: expect.stringContaining('from 1 to 31') }),
        ])
      }
    })

    it('warns, without blocking, when the running costs cannot be worked out', async () => {
      const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
        delete device.consumables[0].price
        delete device.sessionsPerMonth
      })
      const problems = await validateDocumentsWithStudioRules(documents)
      expect(errorsOf(problems, sampleIds.homeDevice)).toEqual([])
      expectProblems(problemsOf(problems, sampleIds.homeDevice, 'warning'), [
        expect.objectContaining({
          path: `${headPath}.price`,
          message: expect.stringContaining('Enter the price of one pack'),
        }),
        expect.objectContaining({
          path: 'sessionsPerMonth',
          message: expect.stringContaining('typical number of sessions'),
        }),
      ])
    })

    it('warns when a device with a replaceable head does not say what the head costs', async () => {
      const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
        device.consumables = []
      })
      const problems = await validateDocumentsWithStudioRules(documents)
      expect(errorsOf(problems, sampleIds.homeDevice)).toEqual([])
      expect(problemsOf(problems, sampleIds.homeDevice, 'warning')).toEqual([
        expect.objectContaining({
          path: 'consumables',
          message: expect.stringContaining('replaceable head or cartridge: list it'),
        }),
      ])
    })

    it('warns about a price not in pounds, and single-use parts said to last several sessions', async () => {
      const documents = sampleDocumentsWith(sampleIds.professionalDevice, (device) => {
        device.consumables[0].currency = 'USD'
        device.consumables[0].usesEach = 3
      })
      const problems = await validateDocumentsWithStudioRules(documents)
      expect(errorsOf(problems, sampleIds.professionalDevice)).toEqual([])
      const cartridge = 'consumables[_key=="cartridge"]'
      expectProblems(problemsOf(problems, sampleIds.professionalDevice, 'warning'), [
        expect.objectContaining({ path: `${cartridge}.currency`, message: expect.stringContaining('price in USD') }),
        expect.objectContaining({
          path: `${cartridge}.usesEach`,
          message: expect.stringContaining('used once, not 3 times'),
        }),
      ])
    })

    it('asks for the day a price was checked, and refuses one in the future', async () => {
      const missing = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
        delete device.consumables[0].priceCheckedAt
      })
      expect(errorsOf(await validateDocumentsWithStudioRules(missing), sampleIds.homeDevice)).toEqual([
        expect.objectContaining({
          path: `${headPath}.priceCheckedAt`,
          message: expect.stringContaining('Enter the day'),
        }),
      ])
      const future = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
        device.consumables[0].priceCheckedAt = '2999-01-01'
      })
      expect(errorsOf(await validateDocumentsWithStudioRules(future), sampleIds.homeDevice)).toEqual([
        expect.objectContaining({ path: `${headPath}.priceCheckedAt`, message: expect.stringContaining('future') }),
      ])
    })

    it('asks for the currency of a price', async () => {
      const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
        delete device.consumables[0].currency
      })
      const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
      expect(errors).toEqual([
        expect.objectContaining({ path: `${headPath}.currency`, message: 'Choose the currency of the price.' }),
      ])
    })
  })

  it('refuses a reference to a document that does not exist', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.brand._ref = 'brand-that-was-deleted'
    })
    const errors = errorsOf(await validateDocumentsWithStudioRules(documents), sampleIds.homeDevice)
    expect(errors).toEqual([
      expect.objectContaining({ path: 'brand', message: 'Referenced document must be published' }),
    ])
  })
})
