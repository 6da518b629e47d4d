/** How needle lengths read in Studio listings and messages: "0.25 mm", or "0.25–2.5 mm" for a range. */

export interface NeedleLengthsForLabel {
  adjustable?: boolean
  lengthMm?: number
  minLengthMm?: number
  maxLengthMm?: number
}

export function formatMillimetres(lengthMm: number): string {
  return `${lengthMm} mm`
}

export function formatNeedleLength(spec: NeedleLengthsForLabel | undefined): string | undefined {
  if (!spec) return undefined
  if (spec.adjustable === true) {
    const { minLengthMm, maxLengthMm } = spec
    if (minLengthMm !== undefined && maxLengthMm !== undefined)
      return `${minLengthMm}–${formatMillimetres(maxLengthMm)}`
    if (maxLengthMm !== undefined) return `up to ${formatMillimetres(maxLengthMm)}`
    if (minLengthMm !== undefined) return `from ${formatMillimetres(minLengthMm)}`
    return undefined
  }
  return spec.lengthMm === undefined ? undefined : formatMillimetres(spec.lengthMm)
}
