import { formatPrice } from '@microneedling/content/formatting'

/**
 * The line under a consumable in the device's list, e.g. "£25 for 10 · 1 use each", from what the
 * editor has entered so far.
 */
export function consumableSubtitle(consumable: {
  kind?: string
  price?: number
  currency?: string
  packSize?: number
  usesEach?: number
}): string {
  const { price, currency, packSize, usesEach } = consumable
  const priced =
    consumable.kind === 'wholeDevice'
      ? 'priced by its offers'
      : price === undefined
        ? 'no price yet'
        : `${currency ? formatPrice(price, currency) : String(price)}${packSize && packSize > 1 ? ` for ${packSize}` : ' each'}`
  const pack = consumable.kind === 'wholeDevice' && packSize && packSize > 1 ? `${packSize} a pack` : undefined
  const lasts = usesEach === undefined ? undefined : `${usesEach} ${usesEach === 1 ? 'use' : 'uses'} each`
  return [priced, pack, lasts].filter((part): part is string => Boolean(part)).join(' · ')
}
