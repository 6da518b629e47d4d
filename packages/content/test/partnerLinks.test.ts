import { describe, expect, it } from 'vitest'
import {
  allowedHostProblem,
  hostIsAllowed,
  partnerLinkPath,
  partnerRedirectUrl,
  partnerTargetProblem,
} from '../src/partnerLinks.ts'

const allowed = ['example.com']

describe('hostIsAllowed', () => {
  it.each([
    ['the allowed host itself', 'https://example.com/product/1'],
    ['a subdomain', 'https://shop.example.com/p?id=1'],
    ['a deeper subdomain', 'https://eu.shop.example.com/p'],
    ['an upper-case host', 'https://SHOP.Example.COM/p'],
    ['the default port written out', 'https://example.com:443/p'],
  ])('accepts %s', (_label, url) => {
    expect(hostIsAllowed(url, allowed)).toBe(true)
  })

  it.each([
    ['plain http', 'http://example.com/p'],
    ['a look-alike host that ends in another domain', 'https://example.com.evil.test/p'],
    ['a look-alike host that merely ends with the name', 'https://evil-example.com/p'],
    ['a look-alike host without a separator', 'https://notexample.com/p'],
    ['userinfo that hides the real host', 'https://example.com@evil.test/p'],
    ['userinfo on an allowed host', 'https://user:pass@example.com/p'],
    ['a username alone', 'https://user@shop.example.com/p'],
    ['a javascript: URL', 'javascript:alert(1)//example.com'],
    ['a data: URL', 'data:text/html,example.com'],
    ['a protocol-relative URL', '//example.com/p'],
    ['a relative path', '/go/elsewhere'],
    ['not a URL at all', 'example.com'],
    ['an empty string', ''],
    ['another port', 'https://example.com:8443/p'],
    ['port 80 on https', 'https://shop.example.com:80/p'],
  ])('rejects %s', (_label, url) => {
    expect(hostIsAllowed(url, allowed)).toBe(false)
  })

  it('ignores a trailing dot on either side, which names the same host', () => {
    expect(hostIsAllowed('https://SHOP.Example.com./p/1', ['Shop.Example.COM'])).toBe(true)
    expect(hostIsAllowed('https://shop.example.com/p/1', ['shop.example.com.'])).toBe(true)
  })

  it('rejects every URL when the partner allows no hosts, or only blank ones', () => {
    expect(hostIsAllowed('https://example.com/p', [])).toBe(false)
    expect(hostIsAllowed('https://example.com/p', ['', '  '])).toBe(false)
  })

  it('reads allowed hosts as an editor types them: any case, surrounding spaces, a leading "*."', () => {
    expect(hostIsAllowed('https://shop.example.com/p', [' Example.COM '])).toBe(true)
    expect(hostIsAllowed('https://shop.example.com/p', ['*.example.com'])).toBe(true)
  })

  it('does not let an allowed subdomain open up its parent or siblings', () => {
    expect(hostIsAllowed('https://example.com/p', ['shop.example.com'])).toBe(false)
    expect(hostIsAllowed('https://evil.example.com/p', ['shop.example.com'])).toBe(false)
  })

  it('compares internationalised hosts in their ASCII form, so a Unicode look-alike cannot pass', () => {
    // "exаmple.com" with a Cyrillic "а": the URL parser turns it into punycode, which matches nothing.
    expect(hostIsAllowed('https://ex\u0430mple.com/p', allowed)).toBe(false)
  })
})

describe('allowed hosts that name a whole public suffix allow nothing', () => {
  it.each([
    ['com', 'https://anything.com/p'],
    ['co.uk', 'https://evil.co.uk/p'],
    ['*.co.uk', 'https://evil.co.uk/p'],
    ['github.io', 'https://evil.github.io/p'],
    ['com.au', 'https://evil.com.au/p'],
    ['uk', 'https://evil.co.uk/p'],
  ])('%s', (entry, url) => {
    expect(hostIsAllowed(url, [entry])).toBe(false)
    expect(allowedHostProblem(entry.replace(/^\*\./, ''))).toBeDefined()
  })

  it("while a partner's own domain under such a suffix works", () => {
    expect(hostIsAllowed('https://shop.partner.co.uk/p', ['partner.co.uk'])).toBe(true)
    expect(allowedHostProblem('partner.co.uk')).toBeUndefined()
    expect(allowedHostProblem('partner.github.io')).toBeUndefined()
  })

  it('an entry with a port or a path allows nothing (the Studio refuses it too)', () => {
    expect(hostIsAllowed('https://example.com/p', ['example.com:443'])).toBe(false)
    expect(hostIsAllowed('https://example.com/p', ['example.com/p'])).toBe(false)
  })
})

describe('partnerTargetProblem (the one rule for pages and /go/)', () => {
  const hosts = ['example.com']
  it.each([
    [{ name: 'tag', value: '' }, 'has no value'],
    [{ name: 'tag' }, 'has no value'],
    [{ value: 'ours-21' }, 'no name'],
    [{ name: 'ta g', value: 'x' }, 'not letters'],
  ])('refuses a partial or malformed tracking parameter %j', (trackingParameter, expected) => {
    const target = { url: 'https://example.com/p', partner: { allowedHosts: hosts, trackingParameter } }
    expect(partnerTargetProblem(target)).toContain(expected)
    expect(partnerRedirectUrl(target)).toBeNull()
  })

  it('accepts no tracking parameter at all, or an empty one', () => {
    for (const trackingParameter of [null, undefined, {}, { name: '', value: ' ' }]) {
      expect(
        partnerTargetProblem({ url: 'https://example.com/p', partner: { allowedHosts: hosts, trackingParameter } }),
      ).toBeUndefined()
    }
  })
})

describe('partnerRedirectUrl', () => {
  const partner = { allowedHosts: ['example.com'], trackingParameter: { name: 'tag', value: 'ours-21' } }

  it('appends the partner tracking parameter to the stored URL and keeps its path, query and fragment', () => {
    const target = partnerRedirectUrl({ url: 'https://shop.example.com/item/9?colour=red#specs', partner })
    expect(target).not.toBeNull()
    const url = new URL(target!)
    expect(url.origin).toBe('https://shop.example.com')
    expect(url.pathname).toBe('/item/9')
    expect(url.searchParams.get('colour')).toBe('red')
    expect(url.searchParams.get('tag')).toBe('ours-21')
    expect(url.hash).toBe('#specs')
  })

  it('replaces a tracking value already in the stored URL rather than sending two', () => {
    const target = partnerRedirectUrl({ url: 'https://example.com/p?tag=someone-else', partner })
    expect(new URL(target!).searchParams.getAll('tag')).toEqual(['ours-21'])
  })

  it('encodes the tracking value so it cannot add parameters of its own', () => {
    const target = partnerRedirectUrl({
      url: 'https://example.com/p',
      partner: {
        allowedHosts: ['example.com'],
        trackingParameter: { name: 'tag', value: 'a&redirect=https://evil.test' },
      },
    })
    const url = new URL(target!)
    expect(url.searchParams.get('tag')).toBe('a&redirect=https://evil.test')
    expect(url.searchParams.has('redirect')).toBe(false)
  })

  it('leaves the URL as stored when the partner has no tracking parameter', () => {
    const withNull = partnerRedirectUrl({
      url: 'https://example.com/p?x=1',
      partner: { allowedHosts: ['example.com'], trackingParameter: null },
    })
    const withNone = partnerRedirectUrl({
      url: 'https://example.com/p?x=1',
      partner: { allowedHosts: ['example.com'] },
    })
    expect(withNull).toBe('https://example.com/p?x=1')
    expect(withNone).toBe('https://example.com/p?x=1')
  })

  it('keeps the stored URL byte for byte: %20 stays %20, a bare flag stays bare, order is kept', () => {
    const stored = 'https://shop.example.com/deal?q=a%20b&flag&sig=AbC%2B%2F%3D&x=1+2#top'
    expect(partnerRedirectUrl({ url: stored, partner })).toBe(
      'https://shop.example.com/deal?q=a%20b&flag&sig=AbC%2B%2F%3D&x=1+2&tag=ours-21#top',
    )
  })

  it('removes only the parameter with the tracking name, however it was encoded', () => {
    expect(partnerRedirectUrl({ url: 'https://example.com/p?t%61g=old&tagx=1&flag', partner })).toBe(
      'https://example.com/p?tagx=1&flag&tag=ours-21',
    )
  })

  it.each([
    'http://example.com/p',
    'https://example.com:8443/p',
    'https://example.com.evil.test/p',
    'https://evil-example.com/p',
    'https://example.com@evil.test/p',
  ])('refuses to redirect to %s', (url) => {
    expect(partnerRedirectUrl({ url, partner })).toBeNull()
  })
})

describe('partnerLinkPath', () => {
  it('builds /go/<device>/<offer>, escaping anything that could change the path', () => {
    expect(partnerLinkPath('dr-pen-a6', 'offer-1')).toBe('/go/dr-pen-a6/offer-1')
    expect(partnerLinkPath('a/b', '../c?d')).toBe('/go/a%2Fb/..%2Fc%3Fd')
  })
})
