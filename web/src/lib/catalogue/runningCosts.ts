import { type RunningCosts, workOutRunningCosts } from '@microneedling/content/runningCosts'
import type { DeviceSummary } from '@microneedling/content/schemas'
import { lowestOffer, lowestPrice } from './prices'

/**
 * A device's first-year and per-session costs, worked out from the offer its "from" price comes
 * from, at the price a shopper pays for it now: prices.ts decides both, so the costs and the price
 * shown never disagree.
 */
export function deviceRunningCosts(
  device: Pick<DeviceSummary, 'formFactor' | 'sessionsPerMonth' | 'consumables' | 'offers'>,
  now: Date = new Date(),
): RunningCosts {
  const offer = lowestOffer(device.offers, now)
  const price = lowestPrice(device, now)
  return workOutRunningCosts({
    formFactor: device.formFactor,
    sessionsPerMonth: device.sessionsPerMonth,
    consumables: device.consumables,
    devicePrice:
      offer && price
        ? { amount: price.amount, currency: price.currency, inStock: offer.availability !== 'outOfStock' }
        : undefined,
  })
}
