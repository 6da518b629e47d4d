import type { FeedItem } from '../feedItem.ts'

/** Why a feed's price waits for an editor instead of being applied, with the share it moved. */
export type PriceHold = { share: number; reason: string }

const rounding = 1e-9

/**
 * A price the feed gives is held when it is `holdShare` or more away from the offer's current price,
 * up or down, or when its sale price is `holdShare` or more below the current price: a pound for a
 * hundred, or a hundred for ten, is likelier a feed's mistake than a real price.
 */
export function priceHold(current: number, item: FeedItem, holdShare: number): PriceHold | undefined {
  const { amount, currency } = item.price
  if (current <= 0) {
    return {
      share: Number.POSITIVE_INFINITY,
      reason: `The offer's price is ${current}, so the feed's ${amount} ${currency} cannot be compared with it: an editor approves it.`,
    }
  }
  const moved = Math.abs(amount - current) / current
  if (moved + rounding >= holdShare) {
    return {
      share: moved,
      reason: `The price would go ${amount > current ? 'up' : 'down'} ${percent(moved)}, from ${current} to ${amount} ${currency}: a move of ${percent(holdShare)} or more waits for an editor.`,
    }
  }
  const sale = item.salePrice?.amount
  if (sale !== undefined) {
    const below = (current - sale) / current
    if (below + rounding >= holdShare) {
      return {
        share: below,
        reason: `The sale price ${sale} ${currency} is ${percent(below)} below the current price ${current}: a move of ${percent(holdShare)} or more waits for an editor.`,
      }
    }
  }
  return undefined
}

function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`
}
