/**
 * True when the price was checked more than `staleDays` whole days before `now`. `staleDays` is
 * PRICE_STALE_DAYS, by default `defaultPriceStaleDays` (@microneedling/content/editorialChecks),
 * which the Studio's "Prices to check" list uses too; that list's `staleBefore` follows this rule.
 */
export function priceMayHaveChanged(priceCheckedAt: string, staleDays: number, now: Date = new Date()): boolean {
  const checked = Date.parse(priceCheckedAt)
  if (Number.isNaN(checked)) return true
  return now.getTime() - checked > staleDays * 86_400_000
}
