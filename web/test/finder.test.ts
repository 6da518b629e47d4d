import { sampleDatasetPath } from '@microneedling/content/config'
import {
  concernGuidance,
  describeFinderWeights,
  type FinderAnswers,
  type FinderPick,
  findDevices,
  finderWeights,
  lowestBuyablePriceGbp,
  parseFinderAnswers,
} from '@microneedling/content/finder'
import { loadDeviceListPage, loadSiteSettings } from '@microneedling/content/loaders'
import type { DeviceSummary } from '@microneedling/content/schemas'
import { createEmbeddedSource } from '@microneedling/content/source/embedded'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { FinderMethod } from '@/components/finder/FinderMethod'
import { FinderView } from '@/components/finder/FinderView'
import type { SearchParams } from '@/lib/catalogue/deviceFilters'
import {
  budgetCeilingGbp,
  type CandidatePage,
  finderPoolSize,
  type LoadCandidatePage,
  loadFinderCandidates,
} from '@/lib/finder/finderCandidates'
import { finderFormValues, hasFinderAnswers } from '@/lib/finder/finderForm'
import { coverageSentence } from '@/lib/finder/finderSummary'
import { withUsableOffers } from '@/lib/partnerLinks/usableOffers'

/** The finder as /finder renders it, over the sample dataset, through the same list query the page runs. */

const source = createEmbeddedSource(sampleDatasetPath)
const settings = await loadSiteSettings(source)
const catalogue = (await loadDeviceListPage(source, { sort: 'name' }, 1, { pageSize: 1000 })).devices.map(
  withUsableOffers,
)

const loadSamplePage: LoadCandidatePage<DeviceSummary> = async (filters, count) => {
  const page = await loadDeviceListPage(source, filters, 1, { pageSize: count })
  return { ...page, devices: page.devices.map(withUsableOffers) }
}

function searchParamsOf(query: string): SearchParams {
  const params: SearchParams = {}
  for (const [key, value] of new URLSearchParams(query)) {
    const before = params[key]
    params[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value]
  }
  return params
}

/** What the page does with a query string, up to the HTML. */
async function renderFinder(query: string): Promise<string> {
  const searchParams = searchParamsOf(query)
  const parsed = parseFinderAnswers(searchParams)
  const candidates = hasFinderAnswers(searchParams)
    ? await loadFinderCandidates(parsed.answers, loadSamplePage)
    : undefined
  const outcome = candidates && {
    candidates,
    result: findDevices(candidates.devices, parsed.answers, { priceOf: lowestBuyablePriceGbp }),
  }
  return renderToStaticMarkup(
    createElement(FinderView, { parsed, formValues: finderFormValues(searchParams), outcome, settings }),
  )
}

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&#x27;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([).,;:])/g, '$1')
    .trim()

const at = (html: string, marker: string) => html.indexOf(marker)

/** The slugs of the listed devices, in the order shown. */
const pickSlugs = (html: string) =>
  [...html.matchAll(/data-testid="finder-pick" data-device-slug="([^"]+)"/g)].map((m) => m[1])

/** Each pick's opening tag, with its use and rank. */
const pickTags = (html: string) => [...html.matchAll(/<li[^>]*data-testid="finder-pick"[^>]*>/g)].map((m) => m[0])

/** The attributes of every `<input>`, whatever order React writes them in. */
const inputsOf = (html: string) =>
  [...html.matchAll(/<input\b[^>]*>/g)].map(([tag]) =>
    Object.fromEntries([...tag.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!, value ?? ''])),
  )

const radioChecked = (html: string, name: string) =>
  inputsOf(html)
    .filter((input) => input.type === 'radio' && input.name === name && 'checked' in input)
    .map((input) => input.value)

const budgetValue = (html: string) => inputsOf(html).find((input) => input.name === 'budget')?.value

const selectedConcern = (html: string) => {
  const select = /<select id="finder-concern"[\s\S]*?<\/select>/.exec(html)?.[0] ?? ''
  return [...select.matchAll(/<option value="([^"]*)" selected="">/g)].map((match) => match[1])
}

describe('/finder: the answer', () => {
  it('for stretch marks, says "see a professional" before any device, in the ranking’s words', async () => {
    const html = await renderFinder('concern=stretchMarks&setting=home')
    const advice = at(html, 'data-testid="finder-advice"')
    expect(advice).toBeGreaterThan(-1)
    expect(pickSlugs(html).length).toBeGreaterThan(0)
    expect(advice).toBeLessThan(at(html, 'data-testid="finder-pick"'))
    expect(advice).toBeLessThan(at(html, 'href="/devices/'))
    const text = textOf(html)
    expect(text).toContain('For stretch marks, start with a dermatologist or trained practitioner')
    expect(text).toContain(concernGuidance.stretchMarks.professionalAdvice)
    // The caveats come with the home devices, before them too.
    expect(at(html, 'data-testid="home-device-caveats"')).toBeGreaterThan(advice)
    expect(at(html, 'data-testid="home-device-caveats"')).toBeLessThan(at(html, 'data-testid="finder-pick"'))
  })

  it('for wrinkles, gives no such advice and starts with a device', async () => {
    const html = await renderFinder('concern=wrinkles&setting=home')
    expect(html).not.toContain('data-testid="finder-advice"')
    expect(pickSlugs(html)[0]).toBeDefined()
  })

  it('lists at most five devices, each linked to its page, with its score, its lowest in-stock price and its reasons in words', async () => {
    const html = await renderFinder('concern=acneScarring&area=face&experience=firstTime&budget=60&setting=home')
    const slugs = pickSlugs(html)
    expect(slugs).toHaveLength(5)
    // The home stamp our editors list for acne scars, under £60, first (see the content package's ranking tests).
    expect(slugs[0]).toBe('luma-titanium-stamp-025')
    for (const tag of pickTags(html)) expect(tag).toContain('data-intended-use="home"')
    const first = /<li[^>]*data-device-slug="luma-titanium-stamp-025"[\s\S]*?<\/article><\/li>/.exec(html)?.[0] ?? ''
    expect(first).toContain('href="/devices/luma-titanium-stamp-025"')
    const text = textOf(first)
    expect(text).toMatch(/Score \d{1,3} \/100 out of 100/)
    // Its cheapest offer in stock is £16.99 of two in pounds; £21.99 in dollars is not it.
    expect(text).toMatch(/From £16\.99 \(checked \d{1,2} \w+ \d{4}\)/)
    expect(text).toContain('Fits: Our editors list it for acne scarring. (Skin concern: 30 of 30 points)')
    expect(text).toContain('Does not fit: Its blunt 0.25 mm needles press on the skin rather than pass through it')
    expect(text).toContain('Fits: From £16.99, within your £60.00 budget.')
  })

  it('says every reason’s kind in words, not by colour alone', async () => {
    const html = await renderFinder('concern=alopecia&setting=home')
    const reasons = [...html.matchAll(/<li[^>]*data-reason-kind="(\w+)"[^>]*>([\s\S]*?)<\/li>/g)]
    expect(new Set(reasons.map((reason) => reason[1]))).toEqual(new Set(['fits', 'caution', 'doesNotFit']))
    const words = { fits: 'Fits:', caution: 'Caution:', doesNotFit: 'Does not fit:' } as Record<string, string>
    for (const [, kind, body] of reasons) expect(textOf(body!)).toMatch(new RegExp(`^. ${words[kind!]} `))
  })

  it('counts the devices it left out, and says why', async () => {
    const html = await renderFinder('concern=acneScarring&budget=60&setting=home')
    const leftOut = textOf(/<div[^>]*data-testid="finder-left-out"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '')
    // Every professional device, the home pen at £74.99 and the home roller priced only in dollars.
    const expected = catalogue.filter(
      (device) => device.intendedUse === 'professional' || !((lowestBuyablePriceGbp(device) ?? Infinity) <= 60),
    ).length
    expect(expected).toBe(catalogue.filter((device) => device.intendedUse === 'professional').length + 2)
    expect(leftOut).toContain(`${expected} devices left out, each for at least one of these reasons:`)
    expect(leftOut).toContain('Made for trained practitioners, and you asked for home use.')
    expect(leftOut).toContain('Over your £60.00 budget, or without an in-stock price in pounds to check against it.')
    expect(textOf(html)).toContain('fit your setting, budget and body area; we ranked them all.')
  })

  it('shows no partner link: devices lead to their pages, where the disclosure comes first', async () => {
    for (const query of ['concern=stretchMarks', 'setting=professional&concern=scarring', 'budget=30']) {
      const html = await renderFinder(query)
      expect(pickSlugs(html).length).toBeGreaterThan(0)
      expect(html).not.toContain('href="/go/')
      expect(html).not.toMatch(/rel="[^"]*sponsored/)
      const external = [...html.matchAll(/href="(https?:[^"]*)"/g)].map((match) => match[1])
      expect(external).toEqual([])
    }
  })

  it('carries the caveats when a home device is listed, and only then; the medical disclaimer always', async () => {
    const home = await renderFinder('concern=wrinkles&setting=home')
    expect(textOf(home)).toContain(settings.homeDeviceCaveats[0]!.statement)
    const clinic = await renderFinder('concern=scarring&setting=professional')
    expect(pickTags(clinic).length).toBeGreaterThan(0)
    for (const tag of pickTags(clinic)) expect(tag).toContain('data-intended-use="professional"')
    expect(clinic).not.toContain('data-testid="home-device-caveats"')
    for (const html of [home, clinic, await renderFinder('')]) {
      expect(html).toContain('data-testid="medical-disclaimer"')
      expect(textOf(html)).toContain(settings.medicalDisclaimer)
    }
  })

  it('shows only the questions until they are answered', async () => {
    const html = await renderFinder('utm_source=newsletter')
    expect(html).toContain('data-testid="finder-form"')
    expect(html).not.toContain('data-testid="finder-answer"')
    expect(html).not.toContain('data-testid="home-device-caveats"')
    expect(html).not.toContain('data-testid="notices"')
  })

  it('says when nothing fits, and which answer to loosen', async () => {
    const html = await renderFinder('concern=stretchMarks&setting=professional&budget=10')
    expect(pickSlugs(html)).toEqual([])
    expect(at(html, 'data-testid="finder-advice"')).toBeGreaterThan(-1)
    expect(textOf(html)).toContain(
      'No device fits all of your answers. Try a higher budget, or showing both home and clinic devices.',
    )
  })
})

describe('/finder: the form', () => {
  it('is a plain GET form to /finder, with a label or legend for every question', async () => {
    const html = await renderFinder('')
    const form = /<form[^>]*>/.exec(html)?.[0] ?? ''
    expect(form).toContain('method="get"')
    expect(form).toContain('action="/finder"')
    expect(html).toContain('<label for="finder-concern">')
    expect(html).toContain('<label for="finder-budget">')
    expect(inputsOf(html).find((input) => input.id === 'finder-budget')).toMatchObject({
      name: 'budget',
      type: 'number',
    })
    const legends = [...html.matchAll(/<legend>([^<]+)<\/legend>/g)].map((match) => match[1])
    expect(legends).toEqual([
      'Where on the body?',
      'Have you used a microneedling device before?',
      'At home, or in a clinic?',
    ])
    expect(html).not.toContain('<script')
  })

  it('opens with the answers the URL holds', async () => {
    const html = await renderFinder('concern=acneScarring&area=face&experience=experienced&budget=60&setting=home')
    expect(selectedConcern(html)).toEqual(['acneScarring'])
    expect(radioChecked(html, 'area')).toEqual(['face'])
    expect(radioChecked(html, 'experience')).toEqual(['experienced'])
    expect(radioChecked(html, 'setting')).toEqual(['home'])
    expect(budgetValue(html)).toBe('60')
  })

  it('without answers, chooses what the ranking assumes: the usual area, a first time, home or clinic', async () => {
    const html = await renderFinder('')
    expect(selectedConcern(html)).toEqual([''])
    expect(radioChecked(html, 'area')).toEqual([''])
    expect(radioChecked(html, 'experience')).toEqual(['firstTime'])
    expect(radioChecked(html, 'setting')).toEqual([''])
    expect(budgetValue(html)).toBe('')
  })

  it('reports bad answers in words, leaves them out of the form, and still answers with the rest', async () => {
    const html = await renderFinder('concern=warts&budget=cheap&setting=home&area=eyes&area=face')
    const notices = textOf(/<div[^>]*data-testid="notices"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '')
    expect(notices).toContain('Some of your answers could not be used')
    expect(notices).toContain('Skin concern: choose one of the listed concerns.')
    expect(notices).toContain('Budget: enter an amount in pounds, such as 50.')
    expect(notices).toContain('Only your first answer for body area was used.')
    expect(selectedConcern(html)).toEqual([''])
    expect(budgetValue(html)).toBe('')
    expect(radioChecked(html, 'area')).toEqual(['eyes'])
    expect(radioChecked(html, 'setting')).toEqual(['home'])
    expect(pickSlugs(html).length).toBeGreaterThan(0)
    for (const tag of pickTags(html)) expect(tag).toContain('data-intended-use="home"')
  })

  it('takes answers only from the finder’s own questions', () => {
    expect(hasFinderAnswers({})).toBe(false)
    expect(hasFinderAnswers({ utm_source: 'x', page: '2' })).toBe(false)
    expect(hasFinderAnswers({ budget: '' })).toBe(true)
    expect(finderFormValues({ concern: ['', 'rosacea', 'wrinkles'], budget: '£49.99', setting: 'spa' })).toEqual({
      concern: 'rosacea',
      area: '',
      experience: '',
      budget: '49.99',
      setting: '',
    })
  })
})

describe('/finder: which devices it ranks', () => {
  const answerSets: Record<string, string>[] = [
    { concern: 'acneScarring', budget: '50', setting: 'home' },
    { concern: 'stretchMarks' },
    { concern: 'alopecia', setting: 'home' },
    { concern: 'rosacea', experience: 'experienced' },
    { concern: 'looseSkin', setting: 'professional', budget: '500' },
    { area: 'eyes', budget: '20' },
    { area: 'body', setting: 'professional' },
    {},
  ]

  it.each(answerSets)('on a small catalogue, ranks exactly what ranking every device would: %o', async (raw) => {
    const { answers } = parseFinderAnswers(raw)
    const candidates = await loadFinderCandidates(answers, loadSamplePage)
    const options = { priceOf: lowestBuyablePriceGbp, limit: 100 }
    const fromCandidates = findDevices(candidates.devices, answers, options)
    const fromEverything = findDevices(catalogue, answers, options)
    const ids = (entries: typeof fromEverything.entries) =>
      entries.map((entry) => (entry.kind === 'device' ? (entry as FinderPick<DeviceSummary>).device._id : entry.kind))
    expect(ids(fromCandidates.entries)).toEqual(ids(fromEverything.entries))
    // What the page counts as left out is what the ranking leaves out of the whole catalogue.
    expect(candidates.catalogueSize - candidates.matching.total + fromCandidates.excluded.length).toBe(
      fromEverything.excluded.length,
    )
  })

  it('asks the list query at most twice, for a bounded page, filtered by setting, budget and area', async () => {
    const asked: { filters: Parameters<LoadCandidatePage<DeviceSummary>>[0]; count: number }[] = []
    const spy: LoadCandidatePage<DeviceSummary> = (filters, count) => {
      asked.push({ filters, count })
      return loadSamplePage(filters, count)
    }
    const answers: FinderAnswers = {
      concern: 'acneScarring',
      area: 'eyes',
      experience: 'firstTime',
      budgetGbp: 55,
      setting: 'home',
    }
    await loadFinderCandidates(answers, spy)
    expect(asked).toEqual([
      { filters: { sort: 'rating', use: 'home', maxNeedle: 0.25, maxPrice: 60 }, count: finderPoolSize },
      {
        filters: { sort: 'rating', use: 'home', maxNeedle: 0.25, maxPrice: 60, concern: 'acneScarring' },
        count: finderPoolSize,
      },
    ])
    asked.length = 0
    await loadFinderCandidates({ area: 'face', experience: 'experienced' }, spy)
    expect(asked).toEqual([{ filters: { sort: 'rating', maxNeedle: 1.5 }, count: finderPoolSize }])
  })

  it('rounds a budget up for the query, so nearby budgets share an answer, and sets no limit past the last', () => {
    expect(budgetCeilingGbp(undefined)).toBeUndefined()
    expect(budgetCeilingGbp(0.5)).toBe(10)
    expect(budgetCeilingGbp(50)).toBe(50)
    expect(budgetCeilingGbp(50.01)).toBe(60)
    expect(budgetCeilingGbp(5000)).toBe(5000)
    expect(budgetCeilingGbp(5000.01)).toBeUndefined()
  })

  it('says so when the catalogue is larger than what it ranks', async () => {
    const device = catalogue[0]!
    const page = (total: number, devices: DeviceSummary[]): CandidatePage<DeviceSummary> => ({
      total,
      catalogueSize: 12_000,
      devices,
    })
    const answers = parseFinderAnswers({ concern: 'acneScarring', setting: 'home', budget: '40' }).answers
    const large = await loadFinderCandidates(answers, async (filters) =>
      filters.concern ? page(40, [device]) : page(1_500, [device, catalogue[1]!]),
    )
    expect(large.devices).toHaveLength(2)
    expect(coverageSentence(answers, large)).toBe(
      '1,500 devices fit your setting, budget and body area; we ranked the 2 best rated of them, and the 1 best rated of the 40 our editors list for acne scarring.',
    )
    const small = await loadFinderCandidates(answers, async (filters) =>
      filters.concern ? page(1, [device]) : page(1_500, [catalogue[1]!, device]),
    )
    expect(coverageSentence(answers, small)).toBe(
      '1,500 devices fit your setting, budget and body area; we ranked the 2 best rated of them, and the one our editors list for acne scarring.',
    )
  })
})

describe('the methodology page: how the finder ranks devices', () => {
  const html = renderToStaticMarkup(createElement(FinderMethod))
  const text = textOf(html)

  it('prints every weight the ranking uses, and their total', () => {
    const rows = [...html.matchAll(/<tr data-criterion="(\w+)"><th scope="row">[^<]+<\/th><td>([\d.]+)<\/td><\/tr>/g)]
    expect(Object.fromEntries(rows.map((row) => [row[1], Number(row[2])]))).toEqual(finderWeights)
    expect(text).toContain(
      `When every criterion applies ${Object.values(finderWeights).reduce((sum, points) => sum + points, 0)}`,
    )
  })

  it('says the rules in the ranking’s own words, and links to the finder', () => {
    for (const rule of describeFinderWeights()) expect(text).toContain(rule)
    expect(html).toContain('id="finder-method"')
    expect(html).toContain('href="/finder"')
  })
})
