import type { DeviceFilters } from '@microneedling/content/deviceList'
import type { ContentSource, QueryParams } from '@microneedling/content/source/types'
import { describe, expect, it } from 'vitest'
import { forgetListPageCounts, listPageCountMaxAgeMs, listPageExists } from '@/lib/routing/listPageLimits'

/** A source whose list has `total` devices, recording the parameters of each query. */
function listOf(total: number | (() => never)) {
  const asked: QueryParams[] = []
  const source: ContentSource = {
    kind: 'embedded',
    fetch: async (_query, params = {}) => {
      asked.push(params)
      if (typeof total === 'function') total()
      return { total, catalogueSize: total, devices: [] }
    },
  }
  return { source, asked }
}

const homeRollers: DeviceFilters = { use: 'home', form: 'dermaRoller', sort: 'rating' }

describe('listPageExists', () => {
  it('knows the pages a list has: 50 devices are 3 pages of 24', async () => {
    const { source } = listOf(50)
    for (const page of [1, 2, 3]) expect(await listPageExists(source, homeRollers, page), `page ${page}`).toBe(true)
    for (const page of [4, 500]) expect(await listPageExists(source, homeRollers, page), `page ${page}`).toBe(false)
  })

  it('counts once for every sort and page of the same filters, and asks for no device', async () => {
    const { source, asked } = listOf(50)
    await listPageExists(source, homeRollers, 2)
    await listPageExists(source, { ...homeRollers, sort: 'price-asc' }, 3)
    await listPageExists(source, { ...homeRollers, sort: 'name' }, 9)
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatchObject({ use: 'home', form: 'dermaRoller', start: 0, end: 0 })
    await listPageExists(source, { ...homeRollers, form: 'dermaStamp' }, 2)
    expect(asked).toHaveLength(2)
  })

  it('never asks for the first page, which every list has', async () => {
    const { source, asked } = listOf(0)
    expect(await listPageExists(source, homeRollers, 1)).toBe(true)
    expect(asked).toHaveLength(0)
  })

  it('counts again once the count is old, and after the webhook', async () => {
    const { source, asked } = listOf(50)
    const now = Date.now()
    await listPageExists(source, homeRollers, 2, now)
    await listPageExists(source, homeRollers, 2, now + listPageCountMaxAgeMs - 1)
    expect(asked).toHaveLength(1)
    await listPageExists(source, homeRollers, 2, now + listPageCountMaxAgeMs)
    expect(asked).toHaveLength(2)
    forgetListPageCounts()
    await listPageExists(source, homeRollers, 2, now + listPageCountMaxAgeMs)
    expect(asked).toHaveLength(3)
  })

  it('says so when the source cannot count, and does not keep the failure', async () => {
    const failing = listOf(() => {
      throw new Error('no answer')
    })
    await expect(listPageExists(failing.source, homeRollers, 2)).rejects.toThrow()
    await expect(listPageExists(failing.source, homeRollers, 2)).rejects.toThrow()
    expect(failing.asked).toHaveLength(2)
  })
})
