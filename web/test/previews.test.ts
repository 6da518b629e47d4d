import { describe, expect, it } from 'vitest'
import { sameSitePath } from '@/lib/content/previews'

describe('sameSitePath (where leaving a preview goes)', () => {
  it.each([
    ['/devices/roller-a?x=1', '/devices/roller-a?x=1'],
    ['/', '/'],
    ['/compare?devices=a&devices=b#table', '/compare?devices=a&devices=b#table'],
    ['/guides/caf%C3%A9', '/guides/caf%C3%A9'],
    // Dot segments are resolved as the browser would, and stay on this site.
    ['/devices/../guides', '/guides'],
  ])('keeps the path %j on this site as %j', (candidate, expected) => {
    expect(sameSitePath(candidate)).toBe(expected)
  })

  it.each([
    null,
    '',
    'devices',
    'https://elsewhere.example/',
    '//elsewhere.example/',
    '/\\elsewhere.example',
    '\\/elsewhere.example',
    // Browsers drop tabs and newlines from URLs: each of these would become //evil.example.
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/%09/evil.example',
    '/%0a/evil.example',
    '/%0D/evil.example',
    '/%5c/evil.example',
    '/%5C%5Cevil.example',
    '/%2f/evil.example',
    '/%2F%2Fevil.example',
    '/%252f%252fevil.example',
    '/%25%30%39/evil.example',
    '/%c2%85/evil.example',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
    '/\u0085/evil.example',
    '/\u2028/evil.example',
    '/./\\evil.example',
    '/.//evil.example',
    '/ /evil.example'.replace(' ', '\u000b'),
  ])('sends %j to the home page instead', (candidate) => {
    expect(sameSitePath(candidate)).toBe('/')
  })

  it('never answers a Location that a browser resolves off this site', () => {
    const origin = 'https://site.example'
    for (const candidate of ['/%09/evil.example', '/\t/evil.example', '/.//evil.example', '/\\/evil.example']) {
      expect(new URL(sameSitePath(candidate), origin).origin).toBe(origin)
    }
  })
})
