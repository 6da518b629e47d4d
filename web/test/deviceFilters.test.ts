import { describe, expect, it } from 'vitest'
import {
  describeActiveFilters,
  filtersToSearchParams,
  hasRangeFilters,
  listPageHref,
  parseDeviceFilters,
  parseListPage,
} from '@/lib/catalogue/deviceFilters'
import { pageLinks } from '@/lib/catalogue/pagination'

describe('parseDeviceFilters', () => {
  it('reads every filter from the query string', () => {
    const { filters, messages } = parseDeviceFilters({
      use: 'home',
      form: 'dermaRoller',
      material: 'titanium',
      concern: 'wrinkles',
      minNeedle: '0.2',
      maxNeedle: '0.5',
      minPrice: '10',
      maxPrice: '30',
      sort: 'price-asc',
    })
    expect(messages).toEqual([])
    expect(filters).toEqual({
      use: 'home',
      form: 'dermaRoller',
      material: 'titanium',
      concern: 'wrinkles',
      minNeedle: 0.2,
      maxNeedle: 0.5,
      minPrice: 10,
      maxPrice: 30,
      sort: 'price-asc',
    })
  })

  it('treats empty form fields as unset and defaults to sorting by rating', () => {
    expect(parseDeviceFilters({ use: '', form: '', minNeedle: '  ', sort: '' })).toEqual({
      filters: { sort: 'rating' },
      messages: [],
    })
  })

  it('ignores bad values with a message naming each, keeping the good ones', () => {
    const { filters, messages } = parseDeviceFilters({
      use: 'spaceship',
      minNeedle: 'abc',
      maxNeedle: '9',
      minPrice: '-5',
      concern: 'acneScarring',
      sort: 'cheapest',
    })
    expect(filters).toEqual({ concern: 'acneScarring', sort: 'rating' })
    expect(messages).toHaveLength(5)
    expect(messages[0]).toMatch(/“spaceship” for use/)
    expect(messages.join(' ')).toMatch(/“abc” for shortest needle length/)
    expect(messages.join(' ')).toMatch(/“9” for longest needle length/)
    expect(messages.join(' ')).toMatch(/“-5” for lowest price/)
    expect(messages.join(' ')).toMatch(/“cheapest” for sort order/)
  })

  it('shortens very long values before echoing them', () => {
    const { messages } = parseDeviceFilters({ form: 'x'.repeat(500) })
    expect(messages[0]!.length).toBeLessThan(150)
  })

  it('uses the first of repeated values and says so', () => {
    const { filters, messages } = parseDeviceFilters({ use: ['professional', 'home'] })
    expect(filters.use).toBe('professional')
    expect(messages).toEqual(['Only the first use was used.'])
  })

  it('swaps a range given the wrong way round', () => {
    const { filters, messages } = parseDeviceFilters({
      minNeedle: '1',
      maxNeedle: '0.25',
      minPrice: '50',
      maxPrice: '5',
    })
    expect(filters).toMatchObject({ minNeedle: 0.25, maxNeedle: 1, minPrice: 5, maxPrice: 50 })
    expect(messages).toHaveLength(2)
  })
})

describe('running-cost filters and sort orders', () => {
  it('reads a first-year limit in pounds and both running-cost sort orders', () => {
    expect(parseDeviceFilters({ maxFirstYear: '150', sort: 'first-year-asc' })).toEqual({
      filters: { maxFirstYear: 150, sort: 'first-year-asc' },
      messages: [],
    })
    expect(parseDeviceFilters({ maxFirstYear: '99.5', sort: 'per-session-asc' }).filters).toEqual({
      maxFirstYear: 99.5,
      sort: 'per-session-asc',
    })
  })

  it('ignores a first-year limit that is not an amount, saying so, and keeps the sort', () => {
    for (const bad of ['-1', 'cheap', '2000000']) {
      const { filters, messages } = parseDeviceFilters({ maxFirstYear: bad, sort: 'first-year-asc' })
      expect(filters, bad).toEqual({ sort: 'first-year-asc' })
      expect(messages, bad).toEqual([
        `Ignored “${bad}” for highest first-year cost: enter an amount in pounds, 0 or more.`,
      ])
    }
    expect(parseDeviceFilters({ sort: 'first-year-desc' }).messages).toEqual([
      'Ignored “first-year-desc” for sort order: choose one of the listed orders.',
    ])
  })

  it('keeps the limit and the sort in the URL, names the limit in pounds, and treats it as a typed range', () => {
    const { filters } = parseDeviceFilters({ use: 'home', maxFirstYear: '150', sort: 'per-session-asc' })
    expect(listPageHref(filters, 2)).toBe('/devices?use=home&maxFirstYear=150&sort=per-session-asc&page=2')
    expect(describeActiveFilters(filters)).toEqual([
      { name: 'use', text: 'Home use', withoutIt: 'maxFirstYear=150&sort=per-session-asc' },
      { name: 'maxFirstYear', text: 'First year up to £150', withoutIt: 'use=home&sort=per-session-asc' },
    ])
    // Typed amounts have no end, so a list with one is not kept as a view of its own.
    expect(hasRangeFilters(filters)).toBe(true)
    expect(hasRangeFilters({ use: 'home' })).toBe(false)
  })
})

describe('filters in URLs', () => {
  it('round-trips through the query string, leaving out the default sort', () => {
    const { filters } = parseDeviceFilters({ use: 'home', maxNeedle: '0.3', sort: 'rating' })
    const query = filtersToSearchParams(filters).toString()
    expect(query).toBe('use=home&maxNeedle=0.3')
    expect(parseDeviceFilters(Object.fromEntries(new URLSearchParams(query))).filters).toEqual(filters)
  })

  it('describes each active filter with the link that removes it', () => {
    const { filters } = parseDeviceFilters({ use: 'home', concern: 'wrinkles', sort: 'name' })
    expect(describeActiveFilters(filters)).toEqual([
      { name: 'use', text: 'Home use', withoutIt: 'concern=wrinkles&sort=name' },
      { name: 'concern', text: 'Wrinkles and fine lines', withoutIt: 'use=home&sort=name' },
    ])
  })
})

describe('list pages in URLs', () => {
  it('keeps every filter and the sort order in each page link, and leaves page 1 out', () => {
    const { filters } = parseDeviceFilters({ use: 'home', maxPrice: '40', sort: 'price-asc' })
    expect(listPageHref(filters, 1)).toBe('/devices?use=home&maxPrice=40&sort=price-asc')
    expect(listPageHref(filters, 3)).toBe('/devices?use=home&maxPrice=40&sort=price-asc&page=3')
    expect(listPageHref({ sort: 'rating' }, 2)).toBe('/devices?page=2')
    expect(listPageHref({ sort: 'rating' }, 1)).toBe('/devices')
  })

  it('reads a page number, and answers a malformed one with the first page and a message', () => {
    expect(parseListPage({})).toEqual({ page: 1, messages: [] })
    expect(parseListPage({ page: '7' })).toEqual({ page: 7, messages: [] })
    for (const bad of ['0', '-2', '2.5', 'abc', '1e3', '9999999999']) {
      const parsed = parseListPage({ page: bad })
      expect(parsed.page, bad).toBe(1)
      expect(parsed.messages, bad).toEqual([`There is no page “${bad}”: here is the first page.`])
    }
    expect(parseListPage({ page: ['2', '3'] })).toEqual({ page: 2, messages: ['Only the first page number was used.'] })
  })
})

describe('pageLinks', () => {
  const shown = (current: number, total: number) =>
    pageLinks(current, total).map((link) => (link.kind === 'gap' ? '…' : String(link.page)))

  it('shows every page of a short list', () => {
    expect(shown(1, 1)).toEqual(['1'])
    expect(shown(2, 5)).toEqual(['1', '2', '3', '4', '5'])
  })

  it('shows the first, the last and two either side of the current page of a long one', () => {
    expect(shown(1, 417)).toEqual(['1', '2', '3', '…', '417'])
    expect(shown(200, 417)).toEqual(['1', '…', '198', '199', '200', '201', '202', '…', '417'])
    expect(shown(417, 417)).toEqual(['1', '…', '415', '416', '417'])
  })

  it('fills a gap of one page with the page rather than an ellipsis', () => {
    expect(shown(5, 9)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9'])
  })
})
