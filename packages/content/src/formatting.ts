/**
 * How prices and needle lengths read, on the site and in the Studio alike, so an editor's preview
 * says what a shopper will see. Browser-safe: the Studio bundles it.
 */

/** The site writes for UK shoppers first; prices keep the currency each shop quotes. */
export const siteLocale = 'en-GB'

const priceFormats = new Map<string, Intl.NumberFormat>()

/** A price in its own currency, e.g. "£24.99" or "US$4,200.00". Unknown codes still read sensibly. */
export function formatPrice(amount: number, currency: string): string {
  let format = priceFormats.get(currency)
  if (!format) {
    try {
      format = new Intl.NumberFormat(siteLocale, { style: 'currency', currency })
    } catch {
      return `${amount.toFixed(2)} ${currency}`
    }
    priceFormats.set(currency, format)
  }
  return format.format(amount)
}

const millimetres = new Intl.NumberFormat(siteLocale, { maximumFractionDigits: 2 })

export function formatMillimetres(value: number): string {
  return `${millimetres.format(value)} mm`
}

/** "0.25 mm", or "0.25–2.5 mm" for a needle depth that can be adjusted. */
export function formatNeedleLength(length: { min: number; max: number }): string {
  if (length.min === length.max) return formatMillimetres(length.min)
  return `${millimetres.format(length.min)}–${millimetres.format(length.max)} mm`
}

/**
 * A device's needle length as its specs say it: "0.25–1.5 mm (adjustable)". With `sayFixed`, a
 * device that is not adjustable says so too ("0.5 mm (fixed)").
 */
export function needleLengthText(
  length: { min: number; max: number },
  adjustable: boolean,
  { sayFixed = false } = {},
): string {
  return `${formatNeedleLength(length)}${adjustable ? ' (adjustable)' : sayFixed ? ' (fixed)' : ''}`
}

/** A device's needle lengths as editors enter them: one length, or a range when adjustable. */
export interface NeedleLengths {
  adjustable?: boolean
  lengthMm?: number
  minLengthMm?: number
  maxLengthMm?: number
}

/** Needle lengths of a document still being edited: what is known so far, or undefined. */
export function formatNeedleLengths(spec: NeedleLengths | undefined): string | undefined {
  if (!spec) return undefined
  if (spec.adjustable === true) {
    const { minLengthMm: min, maxLengthMm: max } = spec
    if (min !== undefined && max !== undefined) return formatNeedleLength({ min, max })
    if (max !== undefined) return `up to ${formatMillimetres(max)}`
    if (min !== undefined) return `from ${formatMillimetres(min)}`
    return undefined
  }
  return spec.lengthMm === undefined ? undefined : formatMillimetres(spec.lengthMm)
}
