import { formatNeedleLength } from '@microneedling/content/formatting'
import { skinLayers } from '@microneedling/content/vocabulary'

export type SkinLayer = (typeof skinLayers)[number]

/** The deepest skin layer a needle of this length reaches (typical facial skin). */
export function layerReached(lengthMm: number): SkinLayer {
  const layer = skinLayers.find((candidate) => lengthMm <= candidate.toMm) ?? skinLayers.at(-1)!
  return layer
}

/** One sentence per device, the text alternative of the needle-depth chart. */
export function describeNeedleDepth(device: { name: string; needleLengthMm: { min: number; max: number } }): string {
  const { min, max } = device.needleLengthMm
  const length = formatNeedleLength(device.needleLengthMm)
  if (min === max) {
    return `${device.name}: ${length}, which reaches the ${layerReached(max).name.toLowerCase()}.`
  }
  const shallow = layerReached(min).name.toLowerCase()
  const deep = layerReached(max).name.toLowerCase()
  return shallow === deep
    ? `${device.name}: adjustable, ${length}, which stays in the ${deep}.`
    : `${device.name}: adjustable, ${length}, which reaches from the ${shallow} to the ${deep}.`
}
