/** How long a checked price is trusted before the site says it may have changed (PRICE_STALE_DAYS). */
export const defaultPriceStaleDays = 30

/** True when the price was checked more than `staleDays` whole days before `now`. */
export function priceMayHaveChanged(priceCheckedAt: string, staleDays: number, now: Date = new Date()): boolean {
  const checked = Date.parse(priceCheckedAt)
  if (Number.isNaN(checked)) return true
  return now.getTime() - checked > staleDays * 86_400_000
}
