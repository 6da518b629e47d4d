import { describe, expect, it } from 'vitest'
import { cachedDeviceListView, cachedDeviceListViewOfPath, viewQuery } from '@/lib/routing/deviceListCache'

const path = (query: string) => cachedDeviceListView(new URLSearchParams(query))?.path ?? null
const isCachedDeviceListPath = (pathname: string) => cachedDeviceListViewOfPath(pathname) !== null

describe('cachedDeviceListView', () => {
  it('names one kept view for every spelling of the same list', () => {
    expect(path('')).toBe('/devices/view/all')
    expect(path('use=home&sort=price-asc&page=2')).toBe(path('page=2&sort=price-asc&use=home'))
    expect(path('use=home&sort=rating&page=1')).toBe(path('use=home'))
    expect(viewQuery(path('use=home&form=dermaRoller&page=3')!.split('/').at(-1)!)).toEqual({
      use: ['home'],
      form: ['dermaRoller'],
      page: ['3'],
    })
  })

  it('leaves to the per-request page what needs a message, endless ranges and unknown parameters', () => {
    for (const query of [
      'use=spaceship',
      'page=abc',
      'use=home&use=professional',
      'maxPrice=40',
      'minNeedle=0.2',
      'x=1',
      'page=501',
    ]) {
      expect(path(query), query).toBeNull()
    }
  })
})

describe('cachedDeviceListViewOfPath', () => {
  it('accepts the views /devices rewrites to, and nothing else', () => {
    expect(isCachedDeviceListPath(path('use=home&page=2')!)).toBe(true)
    expect(isCachedDeviceListPath('/devices/view/all')).toBe(true)
    for (const made of [
      '/devices/view/page%3D2%26use%3Dhome',
      '/devices/view/use%3Dnothing',
      '/devices/view/%E0%A4%A',
      '/devices/view/',
      '/devices/view/all/x',
      '/devices/view/page%3D1',
    ]) {
      expect(isCachedDeviceListPath(made), made).toBe(false)
    }
  })
})
