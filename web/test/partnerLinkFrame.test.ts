import type { SiteSettings } from '@microneedling/content/schemas'
import { createElement, Fragment, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { type FrameSlots, PartnerLinkFrame } from '@/components/PartnerLinkFrame'
import { fallbackHomeDeviceCaveats, fallbackMedicalDisclaimer } from '@/lib/compliance/fallbackCopy'

const settings = {
  siteName: 'Test site',
  affiliateDisclosureShort: 'We earn from qualifying purchases.',
  medicalDisclaimer: 'Ask a dermatologist first.',
  homeDeviceCaveats: [{ _key: 'c1', statement: 'Home needles are short.' }],
} as unknown as SiteSettings

const home = { intendedUse: 'home' }
const professional = { intendedUse: 'professional' }

function render(
  props: { settings: SiteSettings | null; devices: { intendedUse: string }[]; withMedicalDisclaimer?: boolean },
  page: (slots: FrameSlots) => ReactNode,
): string {
  return renderToStaticMarkup(PartnerLinkFrame({ ...props, children: page }))
}

const position = (html: string, marker: string) => html.indexOf(marker)

describe('PartnerLinkFrame', () => {
  it('puts the disclosure before everything the page renders', () => {
    const html = render({ settings, devices: [professional] }, () => createElement('a', { href: '/go/x/y' }, 'Buy'))
    expect(position(html, 'data-testid="affiliate-disclosure"')).toBeGreaterThanOrEqual(0)
    expect(position(html, 'data-testid="affiliate-disclosure"')).toBeLessThan(position(html, '/go/x/y'))
    expect(html).toContain('We earn from qualifying purchases.')
  })

  it('tells the page partner links are off when the settings, and so the disclosure, are missing', () => {
    let allowed: boolean | undefined
    const html = render({ settings: null, devices: [professional] }, (slots) => {
      allowed = slots.partnerLinksAllowed
      return null
    })
    expect(allowed).toBe(false)
    expect(html).not.toContain('affiliate-disclosure')
  })

  it('places the caveats where the page puts them, once', () => {
    const html = render({ settings, devices: [professional, home] }, (slots) =>
      createElement(
        Fragment,
        null,
        createElement('h1', null, 'Top'),
        slots.caveats,
        createElement('footer', null, 'End'),
      ),
    )
    expect(html.split('data-testid="home-device-caveats"')).toHaveLength(2)
    expect(position(html, '<h1>')).toBeLessThan(position(html, 'home-device-caveats'))
    expect(position(html, 'home-device-caveats')).toBeLessThan(position(html, '<footer>'))
    expect(html).toContain('Home needles are short.')
  })

  it('adds the caveats after the content of a page that does not place them', () => {
    const html = render({ settings, devices: [home] }, () => createElement('main', null, 'A home roller'))
    expect(position(html, '</main>')).toBeLessThan(position(html, 'data-testid="home-device-caveats"'))
  })

  it('shows no caveats without a home device, and the site’s own wording without settings', () => {
    expect(render({ settings, devices: [professional] }, (slots) => slots.caveats)).not.toContain('home-device-caveats')
    const fallback = render({ settings: null, devices: [home] }, () => null)
    for (const caveat of fallbackHomeDeviceCaveats) expect(fallback).toContain(caveat.statement.replace(/'/g, '&#x27;'))
  })

  it('ends health pages with the medical disclaimer', () => {
    const html = render({ settings, devices: [professional], withMedicalDisclaimer: true }, () =>
      createElement('article', null, 'Review'),
    )
    expect(position(html, '</article>')).toBeLessThan(position(html, 'data-testid="medical-disclaimer"'))
    expect(html).toContain('Ask a dermatologist first.')
    expect(render({ settings: null, devices: [], withMedicalDisclaimer: true }, () => null)).toContain(
      fallbackMedicalDisclaimer,
    )
    expect(render({ settings, devices: [professional] }, () => null)).not.toContain('medical-disclaimer')
  })
})
