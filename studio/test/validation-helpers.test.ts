import { gtinProblem } from '@microneedling/content/gtin'
import type { DocumentActionComponent, Template } from 'sanity'
import { describe, expect, it } from 'vitest'
import { slugFormatProblem } from '../schemaTypes/fields/slug.ts'
import { deviceSubtitle } from '../schemaTypes/previews/deviceSubtitle.ts'
import { offerSubtitle } from '../schemaTypes/previews/offerSubtitle.ts'
import { isDateInFuture, latestCalendarDayAnywhere } from '../schemaTypes/validation/dates.ts'
import { feedItemIdProblem } from '../schemaTypes/validation/feedItemId.ts'
import { feedUrlProblem } from '../schemaTypes/validation/feedUrl.ts'
import { hostnameProblem } from '../schemaTypes/validation/hostname.ts'
import {
  fixedLengthProblem,
  homeDeviceNeedleWarning,
  maxLengthProblem,
  minLengthProblem,
} from '../schemaTypes/validation/needleLength.ts'
import { isBlank, portableTextHasText } from '../schemaTypes/validation/nonEmptyText.ts'
import { offerUrlHostProblem } from '../schemaTypes/validation/offerUrl.ts'
import {
  advisedSessionsPerMonth,
  consumablesProblem,
  sessionsPerMonthWarning,
} from '../schemaTypes/validation/runningCosts.ts'
import { salePeriodProblem, salePriceProblem } from '../schemaTypes/validation/salePrice.ts'
import { actionsForDocumentType, withoutSingletonTemplates } from '../singletons.ts'

describe('offerUrlHostProblem', () => {
  const partner = { name: 'SkinShop', allowedHosts: ['skinshop.example.com'] }

  it('accepts a link on an allowed host', () => {
    expect(offerUrlHostProblem('https://skinshop.example.com/roller', partner)).toBeUndefined()
  })

  it('names the host and the hosts the partner allows', () => {
    expect(offerUrlHostProblem('https://other.example.net/roller', partner)).toBe(
      '"other.example.net" is not a host SkinShop allows (skinshop.example.com). Use the partner’s own link, or add the host to the partner first.',
    )
  })

  it('leaves links that are not https to the scheme rule', () => {
    expect(offerUrlHostProblem('javascript:alert(1)', partner)).toBeUndefined()
    expect(offerUrlHostProblem('http://other.example.net/', partner)).toBeUndefined()
    expect(offerUrlHostProblem('not a url', partner)).toBeUndefined()
  })

  it('says so when the partner is not published or allows no host', () => {
    expect(offerUrlHostProblem('https://skinshop.example.com/', null)).toContain('not published')
    expect(offerUrlHostProblem('https://skinshop.example.com/', { name: 'SkinShop', allowedHosts: [] })).toContain(
      'SkinShop has no allowed hosts',
    )
  })
})

describe('feedUrlProblem', () => {
  it.each([
    'https://feeds.shop.example.com/products.tsv.gz',
    'https://productdata.awin.example/datafeed/download/apikey/abc/fid/123/format/csv/',
    'file:///home/editor/feeds/products.xml',
    'packages/content/sample/feeds/glow-supply.tsv',
    'packages/content/sample/feeds/dermamart.csv.gz',
  ])('accepts %j', (url) => {
    expect(feedUrlProblem(url)).toBeUndefined()
  })

  it.each([
    ['http://feeds.shop.example.com/products.tsv', 'Use the feed’s https:// address'],
    ['ftp://feeds.shop.example.com/products.tsv', 'not ftp: ones'],
    ['javascript:alert(1)', 'not javascript: ones'],
    ['https://user:secret@feeds.shop.example.com/products.tsv', 'Leave the user name and password out'],
    [' https://feeds.shop.example.com/products.tsv', 'Remove the spaces'],
    ['https://feeds.shop.example.com/my products.tsv', 'no spaces'],
    ['/etc/passwd', 'relative to the repository'],
    ['../secrets/feed.tsv', 'leaves the repository'],
    ['packages\\content\\feed.tsv', 'Write the path with “/”'],
    ['packages/content/sample/feeds/', 'is not a feed file'],
    ['file:///home/editor/feeds/', 'not a folder'],
  ])('refuses %j', (url, expected) => {
    expect(feedUrlProblem(url)).toContain(expected)
  })
})

describe('device GTIN', () => {
  it('accepts a GTIN-13 with its check digit and names the right digit when it is wrong', () => {
    expect(gtinProblem('4006381333931')).toBeUndefined()
    expect(gtinProblem('4006381333932')).toBe(
      'The check digit of GTIN-13 (EAN) "4006381333932" is wrong: it should end in 1. Check the number was copied correctly.',
    )
    expect(gtinProblem('4006 3813 3393 1')).toContain('use digits only')
  })
})

describe('sale prices', () => {
  const offer = { price: 24.99, currency: 'GBP' }

  it('accepts a sale price below the price, and none at all', () => {
    expect(salePriceProblem(19.99, offer)).toBeUndefined()
    expect(salePriceProblem(undefined, offer)).toBeUndefined()
  })

  it('refuses a sale price that is not below the price, saying both', () => {
    expect(salePriceProblem(24.99, offer)).toBe(
      'The sale price (£24.99) is not below the price (£24.99). Enter the reduced price, or clear the sale price if there is no sale.',
    )
    expect(salePriceProblem(30, offer)).toContain('is not below the price (£24.99)')
    expect(salePriceProblem(0, offer)).toBe('A sale price is above zero. Clear it if there is no sale.')
  })

  it('wants a sale period to end after it starts, with both ends and a sale price', () => {
    const from = '2026-11-27T00:00:00.000Z'
    const to = '2026-12-01T00:00:00.000Z'
    expect(salePeriodProblem({ from, to }, 19.99)).toBeUndefined()
    expect(salePeriodProblem(undefined, undefined)).toBeUndefined()
    expect(salePeriodProblem({ from: to, to: from }, 19.99)).toBe(
      'The sale ends before it starts: check the two dates, the end comes after the start.',
    )
    expect(salePeriodProblem({ from, to: from }, 19.99)).toContain('ends before it starts')
    expect(salePeriodProblem({ from }, 19.99)).toBe('Enter when the sale ends too, or clear its start.')
    expect(salePeriodProblem({ from, to }, undefined)).toContain('A sale period needs a sale price')
  })
})

describe('feedItemIdProblem', () => {
  it('accepts an id as the feed gives it and refuses spaces around it or a blank one', () => {
    expect(feedItemIdProblem('GS-LUMA-TI-025')).toBeUndefined()
    expect(feedItemIdProblem(' GS-LUMA-TI-025')).toContain('Remove the spaces')
    expect(feedItemIdProblem('  ')).toContain('Enter the product’s id')
    expect(feedItemIdProblem('x'.repeat(257))).toContain('at most 256 characters')
  })
})

describe('offer listing subtitle', () => {
  it('shows price, availability and the check day', () => {
    expect(
      offerSubtitle({ price: 24.99, currency: 'GBP', availability: 'inStock', priceCheckedAt: '2026-11-20' }),
    ).toBe('£24.99 · In stock · checked 2026-11-20')
  })

  it('says an offer comes from the feed, with the day the feed last confirmed it', () => {
    expect(
      offerSubtitle({
        price: 24.99,
        salePrice: 19.99,
        currency: 'GBP',
        availability: 'inStock',
        priceCheckedAt: '2026-11-20',
        feedCheckedAt: '2026-11-23T06:00:00.000Z',
      }),
    ).toBe('£24.99 · sale £19.99 · In stock · from feed, checked 2026-11-23')
  })
})

describe('hostnameProblem', () => {
  it('accepts lowercase public host names', () => {
    expect(hostnameProblem('shop.example.com')).toBeUndefined()
    expect(hostnameProblem('xn--bcher-kva.example')).toBeUndefined()
  })

  it.each([
    ['https://shop.example.com', 'no https://'],
    ['shop.example.com/products', 'no https://'],
    ['shop.example.com:8443', 'no https://'],
    ['Shop.Example.com', 'lowercase'],
    [' shop.example.com', 'spaces'],
    ['localhost', 'full host name'],
    ['192.168.0.1', 'IP address'],
    ['shop_1.example.com', 'not a valid host name'],
    ['-shop.example.com', 'not a valid host name'],
    ['', 'Enter a host name'],
    ['co.uk', 'public suffix'],
    ['github.io', 'public suffix'],
  ])('refuses %j', (value, expected) => {
    expect(hostnameProblem(value)).toContain(expected)
  })
})

describe('needle lengths', () => {
  const fixed = { adjustable: false }
  const adjustable = { adjustable: true, minLengthMm: 0.25, maxLengthMm: 2.5 }

  it('asks for the fixed length only when the needles are fixed', () => {
    expect(fixedLengthProblem(undefined, fixed)).toBe(
      'Enter the needle length in mm, or mark the needles as adjustable.',
    )
    expect(fixedLengthProblem(undefined, adjustable)).toBeUndefined()
  })

  it('asks for both ends of the range only when the needles are adjustable', () => {
    expect(minLengthProblem(undefined, { adjustable: true })).toBe('Enter the shortest needle setting in mm.')
    expect(maxLengthProblem(undefined, { adjustable: true })).toBe('Enter the longest needle setting in mm.')
    expect(minLengthProblem(undefined, fixed)).toBeUndefined()
    expect(maxLengthProblem(undefined, fixed)).toBeUndefined()
  })

  it('keeps lengths between 0.1 and 3 mm, inclusive', () => {
    expect(fixedLengthProblem(0.1, fixed)).toBeUndefined()
    expect(fixedLengthProblem(3, fixed)).toBeUndefined()
    expect(fixedLengthProblem(0.05, fixed)).toBe(
      'Needle length must be between 0.1 mm and 3 mm; 0.05 mm is outside that.',
    )
    expect(minLengthProblem(3.5, adjustable)).toContain('Shortest setting must be between 0.1 mm and 3 mm')
  })

  it('refuses a range whose longest setting is below its shortest', () => {
    expect(maxLengthProblem(0.5, { adjustable: true, minLengthMm: 1 })).toBe(
      'The longest setting (0.5 mm) is shorter than the shortest (1 mm). Swap them.',
    )
    expect(maxLengthProblem(1, { adjustable: true, minLengthMm: 1 })).toBeUndefined()
  })

  it('warns about home devices longer than 0.3 mm, judged by their longest setting', () => {
    expect(homeDeviceNeedleWarning('home', { adjustable: false, lengthMm: 0.3 })).toBeUndefined()
    expect(homeDeviceNeedleWarning('home', { adjustable: false, lengthMm: 0.5 })).toContain('reaches 0.5 mm')
    expect(homeDeviceNeedleWarning('home', { adjustable: true, minLengthMm: 0.2, maxLengthMm: 1 })).toContain(
      'reaches 0.2–1 mm',
    )
    expect(homeDeviceNeedleWarning('professional', { adjustable: false, lengthMm: 2.5 })).toBeUndefined()
  })
})

describe('device listing subtitle', () => {
  it('shows use, form factor and needle length', () => {
    expect(
      deviceSubtitle({
        intendedUse: 'home',
        formFactor: 'dermaRoller',
        needleSpec: { adjustable: false, lengthMm: 0.25 },
      }),
    ).toBe('Home use · Derma roller · 0.25 mm')
  })

  it('shows a range for adjustable needles and leaves out what is missing', () => {
    expect(
      deviceSubtitle({
        formFactor: 'microneedlingPen',
        needleSpec: { adjustable: true, minLengthMm: 0.25, maxLengthMm: 2.5 },
      }),
    ).toBe('Microneedling pen · 0.25–2.5 mm')
    expect(deviceSubtitle({})).toBe('')
  })
})

describe('dates that cannot be in the future', () => {
  const now = new Date('2025-03-01T12:00:00Z')

  it('allows today wherever the editor is, and refuses the day after', () => {
    expect(latestCalendarDayAnywhere(now)).toBe('2025-03-02')
    expect(isDateInFuture('2025-03-02', now)).toBe(false)
    expect(isDateInFuture('2025-03-03', now)).toBe(true)
  })
})

describe('text that must not be empty', () => {
  it('treats blank strings as missing', () => {
    expect(isBlank('  \n ')).toBe(true)
    expect(isBlank(undefined)).toBe(true)
    expect(isBlank('We earn a commission.')).toBe(false)
  })

  it('finds words in Portable Text, not just blocks', () => {
    const block = (text: string) => ({ _type: 'block', children: [{ _type: 'span', text }] })
    expect(portableTextHasText([block('How we earn money.')])).toBe(true)
    expect(portableTextHasText([block('   ')])).toBe(false)
    expect(portableTextHasText([])).toBe(false)
    expect(portableTextHasText(undefined)).toBe(false)
  })
})

describe('slugFormatProblem', () => {
  it('accepts lowercase words joined by hyphens', () => {
    expect(slugFormatProblem('dermaco-home-roller-025')).toBeUndefined()
  })

  it.each(['Derma Roller', 'roller--pen', '-roller', 'rôller'])('refuses %j', (slug) => {
    expect(slugFormatProblem(slug)).toContain('cannot be used in a URL')
  })
})

describe('site settings singleton', () => {
  const action = (name: string): DocumentActionComponent =>
    Object.assign(() => null, { action: name }) as DocumentActionComponent
  const allActions = ['publish', 'unpublish', 'delete', 'duplicate', 'discardChanges', 'restore'].map(action)

  it('offers only publish, discard changes and restore', () => {
    expect(actionsForDocumentType(allActions, 'siteSettings').map(({ action }) => action)).toEqual([
      'publish',
      'discardChanges',
      'restore',
    ])
  })

  it('leaves other types’ actions alone', () => {
    expect(actionsForDocumentType(allActions, 'device')).toEqual(allActions)
  })

  it('is left out of the “new document” templates', () => {
    const template = (schemaType: string) => ({ id: schemaType, schemaType, title: schemaType, value: {} }) as Template
    expect(withoutSingletonTemplates([template('device'), template('siteSettings')]).map(({ id }) => id)).toEqual([
      'device',
    ])
  })
})

describe('running-cost rules', () => {
  it('advises fewer sessions a month the deeper the needles go', () => {
    expect([0.2, 0.3, 0.31, 0.5, 1, 1.5, 2.5].map(advisedSessionsPerMonth)).toEqual([12, 12, 4, 4, 2, 1, 1])
  })

  it('judges an adjustable device by its deepest setting', () => {
    const pen = { needleSpec: { adjustable: true, minLengthMm: 0.25, maxLengthMm: 2.5 } }
    expect(sessionsPerMonthWarning(1, pen)).toBeUndefined()
    expect(sessionsPerMonthWarning(4, pen)).toBe(
      '4 sessions a month is more often than we advise for needles reaching 2.5 mm (at most 1): skin needs time to recover between sessions. Check the number.',
    )
    expect(sessionsPerMonthWarning(12, { needleSpec: { adjustable: false, lengthMm: 0.25 } })).toBeUndefined()
  })

  it('asks for a schedule only once something is listed to wear out', () => {
    expect(sessionsPerMonthWarning(undefined, { consumables: [] })).toBeUndefined()
    expect(sessionsPerMonthWarning(undefined, { consumables: [{ kind: 'cartridge' }] })).toContain('sessions a month')
  })

  it('keeps the whole device apart from a head or cartridge', () => {
    const roller = { needleSpec: { replaceableHead: false } }
    expect(consumablesProblem([{ kind: 'wholeDevice' }], roller)).toBeUndefined()
    expect(consumablesProblem([{ kind: 'wholeDevice' }, { kind: 'cartridge' }], roller)).toContain(
      'no head or cartridge to list as well',
    )
    expect(consumablesProblem([{ kind: 'cartridge' }], { needleSpec: { replaceableHead: true } })).toBeUndefined()
    expect(consumablesProblem([], roller)).toBeUndefined()
  })
})
