import { formatNeedleLengths, type NeedleLengths } from '@microneedling/content/formatting'
import { formFactors, intendedUses, titleOf } from '@microneedling/content/vocabulary'

/**
 * The line under a device's name in Studio lists, e.g. "Home use · Derma roller · 0.25 mm": what
 * tells two similar listings apart at a glance. Missing parts are left out, not shown as blanks.
 */
export function deviceSubtitle(device: {
  intendedUse?: string
  formFactor?: string
  needleSpec?: NeedleLengths
}): string {
  return [
    device.intendedUse ? titleOf(intendedUses, device.intendedUse) : undefined,
    device.formFactor ? titleOf(formFactors, device.formFactor) : undefined,
    formatNeedleLengths(device.needleSpec),
  ]
    .filter((part): part is string => Boolean(part))
    .join(' · ')
}
