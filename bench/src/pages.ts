import { cloneSlug, sampleDeviceCount } from './scaleDataset.ts'

/**
 * The pages the benchmark loads at every size. The compare and prerendered device pages use sample
 * devices, which every scale dataset keeps; the device page that should not be prerendered is the
 * catalogue's lowest-rated device, in no curated comparison (the site prerenders a bounded set: the
 * top-rated devices and those in curated comparisons).
 */

export const pageIds = ['devices', 'filtered', 'filteredPage2', 'compare', 'deviceTop', 'deviceLow'] as const
export type PageId = (typeof pageIds)[number]

export interface BenchPage {
  id: PageId
  label: string
  path: string
}

/** The sample's highest-rated device (9.1), also in a curated comparison. */
const topRatedSampleDevice = 'kestrel-pro-pen-p7'
/** The sample's lowest-rated device in no curated comparison: the nearest the sample has to a device nobody prerenders. */
const lowRatedSampleDevice = 'fernhill-titanium-roller-050'
const comparedDevices = ['kestrel-pro-pen-p7', 'luma-titanium-roller-025', 'softpoint-hydra-stamp-025'] as const

const filteredPath = '/devices?use=home&sort=price-asc'

export function benchPages(devices: number): BenchPage[] {
  // The first clone is rated lowest of all (see scaleDataset.ts); the sample alone has no clone.
  const lowRated = devices > sampleDeviceCount() ? cloneSlug(1) : lowRatedSampleDevice
  const labels: Record<PageId, [string, string]> = {
    devices: ['/devices (page 1)', '/devices'],
    filtered: ['filtered + sorted, page 1', filteredPath],
    filteredPage2: ['filtered + sorted, page 2', `${filteredPath}&page=2`],
    compare: ['compare, 3 devices', `/compare?${comparedDevices.map((slug) => `devices=${slug}`).join('&')}`],
    deviceTop: ['device, top-rated', `/devices/${topRatedSampleDevice}`],
    deviceLow: ['device, lowest-rated', `/devices/${lowRated}`],
  }
  return pageIds.map((id) => ({ id, label: labels[id][0], path: labels[id][1] }))
}
