import type { DeviceFilters } from '@microneedling/content/deviceList'
import { bodyAreas, type FinderAnswers } from '@microneedling/content/finder'

/**
 * Which devices the finder ranks. The catalogue can hold tens of thousands, so a request never
 * reads all of them: the list query (the same one /devices runs) leaves out, on the content
 * source's side, every device the ranking would leave out anyway (another setting, over the
 * budget, too long for the area), and of the rest the finder reads the best rated, one bounded
 * page per pool:
 * - with a concern, the devices our editors list for it, which earn the concern's points;
 * - the best rated of all that pass, so that when few devices are listed for a concern, others
 *   still compete (with "not one our editors list for it" among their reasons), as in the ranking.
 * A request costs at most two list queries and `finderPoolSize` devices per pool, whatever the
 * size of the catalogue.
 */

/** Four list pages' worth per pool: enough for every concern in catalogues of a few hundred devices. */
export const finderPoolSize = 96

/**
 * Budgets are rounded up to one of these before they reach the query (the ranking then holds each
 * device against the exact budget), so shoppers with nearby budgets share one cached answer, and
 * the answers a cache can be asked to keep are few. Above the last, the query sets no price limit.
 */
export const budgetCeilingsGbp = [
  10, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000,
] as const

export function budgetCeilingGbp(budgetGbp: number | undefined): number | undefined {
  if (budgetGbp === undefined) return undefined
  return budgetCeilingsGbp.find((ceiling) => ceiling >= budgetGbp)
}

export interface FinderPools {
  /** Every device that can pass the ranking's exclusions, best rated first. */
  bestRated: DeviceFilters
  /** Only with a concern: those our editors list for it. */
  forConcern?: DeviceFilters
}

export function finderPools(answers: FinderAnswers): FinderPools {
  const area = bodyAreas.find((candidate) => candidate.value === answers.area)!
  const maxPrice = budgetCeilingGbp(answers.budgetGbp)
  const bestRated: DeviceFilters = {
    sort: 'rating',
    // The list matches a device when any length it can be set to is within the range: exactly the
    // devices that are not "too long for the area even at their shortest".
    maxNeedle: area.longestNeedleMm,
    ...(answers.setting ? { use: answers.setting } : {}),
    ...(maxPrice !== undefined ? { maxPrice } : {}),
  }
  return answers.concern ? { bestRated, forConcern: { ...bestRated, concern: answers.concern } } : { bestRated }
}

/** One page of a filtered list, as the list loader returns it. */
export interface CandidatePage<Device> {
  total: number
  catalogueSize: number
  devices: Device[]
}

export type LoadCandidatePage<Device> = (filters: DeviceFilters, count: number) => Promise<CandidatePage<Device>>

export interface PoolCoverage {
  total: number
  ranked: number
}

export interface FinderCandidates<Device> {
  /** The devices to rank, each once. */
  devices: Device[]
  /** How many devices the site lists. */
  catalogueSize: number
  /** Devices that pass the query's filters (setting, budget rounded up, area), and how many of the best rated are ranked. */
  matching: PoolCoverage
  /** With a concern: how many of those our editors list for it, and how many of the best rated of those are ranked. */
  forConcern?: PoolCoverage
}

export async function loadFinderCandidates<Device extends { _id: string }>(
  answers: FinderAnswers,
  loadPage: LoadCandidatePage<Device>,
): Promise<FinderCandidates<Device>> {
  const pools = finderPools(answers)
  const [bestRated, forConcern] = await Promise.all([
    loadPage(pools.bestRated, finderPoolSize),
    pools.forConcern ? loadPage(pools.forConcern, finderPoolSize) : undefined,
  ])
  const byId = new Map<string, Device>()
  for (const device of [...(forConcern?.devices ?? []), ...bestRated.devices]) {
    if (!byId.has(device._id)) byId.set(device._id, device)
  }
  return {
    devices: [...byId.values()],
    catalogueSize: bestRated.catalogueSize,
    matching: { total: bestRated.total, ranked: bestRated.devices.length },
    ...(forConcern ? { forConcern: { total: forConcern.total, ranked: forConcern.devices.length } } : {}),
  }
}
