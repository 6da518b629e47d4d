import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, securityHeaders } from '@/lib/security/securityHeaders'

const byName = (headers: { key: string; value: string }[]) =>
  Object.fromEntries(headers.map((header) => [header.key, header.value]))

describe('securityHeaders', () => {
  it('a production build: strict CSP, HSTS, nosniff, Referrer-Policy, Permissions-Policy', () => {
    const headers = byName(securityHeaders({ development: false, siteUrl: 'https://needles.example' }))
    expect(headers['Strict-Transport-Security']).toBe('max-age=63072000')
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['Permissions-Policy']).toContain('camera=()')
    const csp = headers['Content-Security-Policy']!
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'self'",
      "img-src 'self' data: https://cdn.sanity.io",
      'upgrade-insecure-requests',
    ]) {
      expect(csp.split('; ')).toContain(directive)
    }
    expect(csp).not.toContain('unsafe-eval')
  })

  it("lets only the Studio's origin frame the site besides itself", () => {
    const csp = contentSecurityPolicy({ development: false, studioUrl: 'https://studio.needles.example/desk?x=1' })
    expect(csp.split('; ')).toContain("frame-ancestors 'self' https://studio.needles.example")
  })

  it('next dev: eval for fast refresh, and no HSTS on localhost', () => {
    const headers = byName(securityHeaders({ development: true }))
    expect(headers['Content-Security-Policy']).toContain("'unsafe-eval'")
    expect(headers['Strict-Transport-Security']).toBeUndefined()
    expect(headers['Content-Security-Policy']).not.toContain('upgrade-insecure-requests')
  })
})
