import { sampleDatasetPath } from '@microneedling/content/config'
import { loadDeviceListPage } from '@microneedling/content/loaders'
import { createEmbeddedSource } from '@microneedling/content/source/embedded'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { DeviceCard } from '@/components/DeviceCard'
import { RunningCostFigures } from '@/components/RunningCostFigures'

/** What shoppers read about running costs, rendered from the sample dataset as pages render it. */

const { devices } = await loadDeviceListPage(createEmbeddedSource(sampleDatasetPath), { sort: 'name' }, 1, {
  pageSize: 1000,
})
const device = (slug: string) => devices.find((candidate) => candidate.slug === slug)!
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&#x27;', "'")
    .replace(/\s+/g, ' ')
    .trim()
const figures = (slug: string) =>
  text(renderToStaticMarkup(createElement(RunningCostFigures, { device: device(slug) })))

describe('What it costs to keep', () => {
  it('gives a roller with replaceable heads its first-year and per-session cost, each with its sum', () => {
    const shown = figures('luma-titanium-roller-025')
    expect(shown).toContain('Replacement heads: £14 each, 15 uses each (price checked 14 October 2026)')
    expect(shown).toContain(
      'First year £111.50 £27.50 roller + 6 replacement heads at £14 (96 sessions, 15 uses each, one comes fitted) = £111.50 in the first year',
    )
    expect(shown).toContain('Each session £0.93 £14 replacement head ÷ 15 uses = £0.93 a session')
    expect(shown).toContain('Worked out for 8 sessions a month (96 a year), a typical home routine')
  })

  it('buys a cheap roller again each time it wears out', () => {
    const shown = figures('luma-steel-roller-025')
    expect(shown).toContain('The whole roller: replaced after 10 uses')
    expect(shown).toContain('£13.49 roller + 9 more at £13.49 (96 sessions, 10 uses each) = £134.90 in the first year')
  })

  it('counts boxes of cartridges and packs of sterile rollers whole', () => {
    expect(figures('fernhill-glide-home-pen')).toContain(
      '£74.99 pen + 10 packs of 10 cartridges at £25 (96 sessions, 1 use each) = £324.99 in the first year',
    )
    expect(figures('kestrel-titan-roller-150')).toContain(
      '£58 pack of 5 rollers + 2 more packs at £58 (12 sessions, 1 use each) = £174 in the first year',
    )
    expect(figures('kestrel-titan-roller-150')).toContain('one client’s course of treatment')
  })

  it('says why there is no figure rather than showing a wrong one', () => {
    expect(figures('softpoint-hydra-stamp-025')).toContain(
      'We do not have a price for its replacement heads yet, so its running costs are not worked out.',
    )
    expect(figures('fernhill-titanium-roller-050')).toContain(
      'No shop with it in stock quotes a price in pounds, and we work out running costs in pounds only.',
    )
    expect(figures('softpoint-hydra-stamp-025')).not.toContain('First year')
  })
})

describe('the device card', () => {
  const card = (slug: string) => text(renderToStaticMarkup(createElement(DeviceCard, { device: device(slug) })))

  it('shows the first-year cost beside the price, or in a few words why there is none', () => {
    expect(card('luma-titanium-roller-025')).toContain('First-year cost £111.50')
    expect(card('luma-titanium-stamp-025')).toContain('First-year cost Parts not priced')
  })
})
