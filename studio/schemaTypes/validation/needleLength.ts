import { formatMillimetres, formatNeedleLengths, type NeedleLengths } from '@microneedling/content/formatting'
import { homeDeviceTypicalMaxMm, type IntendedUse, needleLengthLimitsMm } from '@microneedling/content/vocabulary'

/**
 * Needle lengths. A fixed head has one length; an adjustable pen has a range. Each field's rule
 * reports on that field, so the message appears next to the number that is wrong.
 */

function isAdjustable(spec: NeedleLengths | undefined): boolean {
  return spec?.adjustable === true
}

/** Out-of-range message for a length, or undefined when it is within the limits. */
export function needleLengthRangeProblem(lengthMm: number, label: string): string | undefined {
  const { min, max } = needleLengthLimitsMm
  if (lengthMm >= min && lengthMm <= max) return undefined
  return `${label} must be between ${formatMillimetres(min)} and ${formatMillimetres(max)}; ${formatMillimetres(lengthMm)} is outside that.`
}

export function fixedLengthProblem(lengthMm: number | undefined, spec: NeedleLengths | undefined): string | undefined {
  if (lengthMm === undefined) {
    return isAdjustable(spec) ? undefined : 'Enter the needle length in mm, or mark the needles as adjustable.'
  }
  return needleLengthRangeProblem(lengthMm, 'Needle length')
}

export function minLengthProblem(minLengthMm: number | undefined, spec: NeedleLengths | undefined): string | undefined {
  if (minLengthMm === undefined) {
    return isAdjustable(spec) ? 'Enter the shortest needle setting in mm.' : undefined
  }
  return needleLengthRangeProblem(minLengthMm, 'Shortest setting')
}

export function maxLengthProblem(maxLengthMm: number | undefined, spec: NeedleLengths | undefined): string | undefined {
  if (maxLengthMm === undefined) {
    return isAdjustable(spec) ? 'Enter the longest needle setting in mm.' : undefined
  }
  const rangeProblem = needleLengthRangeProblem(maxLengthMm, 'Longest setting')
  if (rangeProblem) return rangeProblem
  const minLengthMm = spec?.minLengthMm
  if (isAdjustable(spec) && minLengthMm !== undefined && minLengthMm > maxLengthMm) {
    return `The longest setting (${formatMillimetres(maxLengthMm)}) is shorter than the shortest (${formatMillimetres(minLengthMm)}). Swap them.`
  }
  return undefined
}

/** The deepest the needles go: the fixed length, or the top of the adjustable range. */
export function longestNeedleLengthMm(spec: NeedleLengths | undefined): number | undefined {
  return isAdjustable(spec) ? spec?.maxLengthMm : spec?.lengthMm
}

/**
 * A warning, not an error: some home devices do ship longer needles, but the site tells shoppers
 * home devices are short and blunt, so an editor should look twice before publishing one.
 */
export function homeDeviceNeedleWarning(
  intendedUse: string | undefined,
  spec: NeedleLengths | undefined,
): string | undefined {
  if (intendedUse !== ('home' satisfies IntendedUse)) return undefined
  const longest = longestNeedleLengthMm(spec)
  if (longest === undefined || longest <= homeDeviceTypicalMaxMm) return undefined
  return `Home devices rarely go beyond ${formatMillimetres(homeDeviceTypicalMaxMm)}, and this one reaches ${formatNeedleLengths(spec) ?? formatMillimetres(longest)}. Check the length, or whether it is a professional device.`
}
