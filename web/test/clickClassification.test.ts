import { describe, expect, it } from 'vitest'
import { recordedPageKind } from '@/lib/clicks/pageKinds'
import { isFilteredRequest } from '@/lib/clicks/requestKind'

const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

describe('isFilteredRequest', () => {
  it("counts a shopper's GET from a browser as a click", () => {
    expect(isFilteredRequest('GET', new Headers({ 'user-agent': chrome }))).toBe(false)
  })

  it('filters HEAD, prefetches and prerenders', () => {
    expect(isFilteredRequest('HEAD', new Headers({ 'user-agent': chrome }))).toBe(true)
    expect(isFilteredRequest('GET', new Headers({ 'user-agent': chrome, 'sec-purpose': 'prefetch' }))).toBe(true)
    expect(isFilteredRequest('GET', new Headers({ 'user-agent': chrome, purpose: 'prefetch' }))).toBe(true)
    expect(isFilteredRequest('GET', new Headers({ 'user-agent': chrome, 'sec-purpose': 'prefetch;prerender' }))).toBe(
      true,
    )
  })

  it('filters crawlers and link-preview fetchers', () => {
    for (const agent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'curl/8.5.0',
    ]) {
      expect(isFilteredRequest('GET', new Headers({ 'user-agent': agent })), agent).toBe(true)
    }
  })
})

describe('recordedPageKind', () => {
  it('keeps the known kinds and calls anything else unknown', () => {
    expect(recordedPageKind('device')).toBe('device')
    expect(recordedPageKind('comparison')).toBe('comparison')
    expect(recordedPageKind('DEVICE')).toBe('unknown')
    expect(recordedPageKind('<script>')).toBe('unknown')
    expect(recordedPageKind(null)).toBe('unknown')
  })
})
