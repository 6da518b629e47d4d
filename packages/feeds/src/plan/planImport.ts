import { gtinProblem, normalisedGtin } from '@microneedling/content/gtin'
import { hostIsAllowed } from '@microneedling/content/partnerLinks'
import { type FeedItem, feedItemSchema, type Money } from '../feedItem.ts'
import { defaultMaxPrice } from '../fields/money.ts'
import type { FeedReadResult } from '../readFeed.ts'
import { siteAvailabilityOf } from '../siteAvailability.ts'
import { type CatalogueOffer, catalogueOfferSchema, type OfferField, offerFieldPath } from './catalogueOffer.ts'
import { priceHold } from './priceHold.ts'

/**
 * The plan of one import of a partner's feed: what would change on which offer, and everything
 * left alone, each with a plain reason. Pure: it reads nothing and writes nothing, so the caller
 * shows the plan, applies its patches and keeps `misses` for the next import.
 */

export type ImportSettings = {
  /** A price moving this share of the current price or more, up or down, is held. Default 0.5. */
  holdShare?: number
  /** After this many imports in a row without it, an offer is marked out of stock. Default 3. */
  missingImportsBeforeUnavailable?: number
  /** A price above this is refused as absurd. Default 100000, as the reader's. */
  maxPrice?: number
  /**
   * Refused rows and unmatched items listed in the plan, each; the summary counts all of them. A
   * feed of a whole shop can hold hundreds of thousands of products the site does not list, and the
   * plan must stay small whatever the feed's size. Default 1000.
   */
  maxListed?: number
}

export type ImportInput = {
  partner: { id: string; allowedHosts: readonly string[] }
  /** The catalogue's offers; those of other partners are ignored. */
  offers: readonly CatalogueOffer[]
  /** Consecutive imports each offer (by `offerIdOf`) was absent from, as the last plan's `misses` said. */
  previousMisses: ReadonlyMap<string, number>
  now: Date
  settings?: ImportSettings
}

/** What `readFeed` gives, or an item from elsewhere (checked against `feedItemSchema` again). */
export type ImportEntry = FeedReadResult | FeedItem

export type OfferRef = { offerKey: string; deviceId: string; deviceName: string }

/** One field of one offer: `after` undefined means the field is unset. */
export type FieldChange = { field: OfferField; path: string; before: unknown; after: unknown }

/** A Sanity patch of the offer's device document, as data. */
export type OfferPatch = { documentId: string; set: Record<string, unknown>; unset: string[] }

export type OfferChange = OfferRef & {
  /** `feed`: the feed's item says so; `missing`: absent long enough to be marked out of stock. */
  cause: 'feed' | 'missing'
  itemId?: string
  matchedBy?: 'feedItemId' | 'gtin'
  fields: FieldChange[]
  patch: OfferPatch
}

/** A price not applied; `patch` is what an editor's approval would apply. */
export type HeldPrice = OfferRef & {
  itemId: string
  current: number
  proposed: { price: Money; salePrice?: Money }
  share: number
  reason: string
  fields: FieldChange[]
  patch: OfferPatch
}

export type RefusedEntry = { itemId?: string; row?: number; line?: number; offer?: OfferRef; reason: string }

export type UnmatchedItem = { itemId: string; title?: string; gtin?: string; link: string; price: Money; row?: number }

export type MissingOffer = OfferRef & { feedItemId?: string; misses: number; markedOutOfStock: boolean; reason: string }

export type ImportSummary = {
  read: number
  matched: number
  changed: number
  unchanged: number
  held: number
  refused: number
  unmatched: number
  missing: number
}

export type FeedImportPlan = {
  partnerId: string
  /** The day written to `priceCheckedAt` (UTC), as the Studio's date field holds it. */
  checkedOn: string
  /** The time written to `feedCheckedAt`: when this import read the feed. */
  checkedAt: string
  /** True when the feed had no product that was not refused: then nothing changes at all. */
  empty: boolean
  emptyReason?: string
  changes: OfferChange[]
  held: HeldPrice[]
  refused: RefusedEntry[]
  unmatched: UnmatchedItem[]
  missing: MissingOffer[]
  /** The consecutive-miss count of every offer the feed is known to list, to pass to the next import. */
  misses: Map<string, number>
  /** Things about the catalogue worth an editor's eye, like a device GTIN that cannot be used. */
  warnings: string[]
  summary: ImportSummary
}

export type ImportPlanner = { add(entry: ImportEntry): void; finish(): FeedImportPlan }

/** Plans an import from items in memory, or from any iterable of `readFeed` results. */
export function planFeedImport(input: ImportInput & { items: Iterable<ImportEntry> }): FeedImportPlan {
  const planner = createImportPlanner(input)
  for (const entry of input.items) planner.add(entry)
  return planner.finish()
}

/**
 * The same plan, an entry at a time, for a feed read as a stream:
 * `for await (const result of readFeed(...)) planner.add(result)`, then `planner.finish()`.
 */
export function createImportPlanner(input: ImportInput): ImportPlanner {
  const holdShare = input.settings?.holdShare ?? 0.5
  const threshold = input.settings?.missingImportsBeforeUnavailable ?? 3
  const maxPrice = input.settings?.maxPrice ?? defaultMaxPrice
  const maxListed = input.settings?.maxListed ?? 1000
  if (!(holdShare > 0)) throw new RangeError(`holdShare is ${holdShare}: it is a share above 0, like 0.5.`)
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`missingImportsBeforeUnavailable is ${threshold}: it is a whole number from 1.`)
  }
  if (Number.isNaN(input.now.getTime())) throw new RangeError('now is not a valid date.')
  const checkedAt = input.now.toISOString()
  const checkedOn = checkedAt.slice(0, 10)
  const { partner } = input

  const offers = input.offers
    .filter((offer) => offer.partnerId === partner.id)
    .map((offer) => catalogueOfferSchema.parse(offer))
  const warnings: string[] = []
  const byItemId = new Map<string, CatalogueOffer[]>()
  const byGtin = new Map<string, CatalogueOffer[]>()
  const keys = new Set<string>()
  for (const offer of offers) {
    if (keys.has(offerIdOf(offer)))
      throw new TypeError(`Two offers of partner ${partner.id} are ${offer.offerKey} of ${offer.deviceId}.`)
    keys.add(offerIdOf(offer))
    if (offer.feedItemId !== undefined) {
      listIn(byItemId, offer.feedItemId).push(offer)
    } else if (offer.deviceGtin !== undefined) {
      const gtin = normalisedGtin(offer.deviceGtin)
      if (gtin !== undefined) listIn(byGtin, gtin).push(offer)
      else {
        warnings.push(
          `The GTIN of ${offer.deviceName} is not used to match the feed of ${partner.id}: ${gtinProblem(offer.deviceGtin)}`,
        )
      }
    }
  }

  const changes: OfferChange[] = []
  const held: HeldPrice[] = []
  const refused: RefusedEntry[] = []
  const unmatched: UnmatchedItem[] = []
  const matchedBy = new Map<string, string>()
  const seen = new Set<string>()
  let read = 0
  let refusedCount = 0
  let unmatchedCount = 0
  const refuse = (entry: RefusedEntry) => {
    refusedCount++
    if (refused.length < maxListed) refused.push(entry)
  }
  let usable = 0
  let changed = 0
  let unchanged = 0

  function add(entry: ImportEntry): void {
    read++
    let item: FeedItem
    let place: { row?: number; line?: number } = {}
    if ('kind' in entry) {
      if (entry.kind === 'refused') {
        refuse({ row: entry.row, line: entry.line, reason: entry.reason })
        return
      }
      item = entry.item
      place = { row: entry.row, line: entry.line }
    } else {
      const checked = feedItemSchema.safeParse(entry)
      if (!checked.success) {
        const itemId = typeof entry.itemId === 'string' ? { itemId: entry.itemId } : {}
        refuse({ ...itemId, reason: checked.error.issues.map(issueText).join(' ') })
        return
      }
      item = checked.data
    }
    const refuseItem = (reason: string, offer?: CatalogueOffer) =>
      refuse({ itemId: item.itemId, ...place, ...(offer ? { offer: refOf(offer) } : {}), reason })

    const problem = priceProblem(item, maxPrice)
    if (problem !== undefined) return void refuseItem(problem)

    let candidates = byItemId.get(item.itemId)
    let how: 'feedItemId' | 'gtin' = 'feedItemId'
    if (candidates === undefined) {
      const gtin = normalisedGtin(item.gtin)
      candidates = gtin === undefined ? undefined : byGtin.get(gtin)
      how = 'gtin'
    }
    if (candidates === undefined) {
      usable++
      unmatchedCount++
      if (unmatched.length < maxListed)
        unmatched.push({
          itemId: item.itemId,
          ...(item.title === undefined ? {} : { title: item.title }),
          ...(item.gtin === undefined ? {} : { gtin: item.gtin }),
          link: item.link,
          price: item.price,
          ...(place.row === undefined ? {} : { row: place.row }),
        })
      return
    }
    for (const candidate of candidates) seen.add(offerIdOf(candidate))
    if (candidates.length > 1) {
      const names = candidates.map((offer) => `${offer.deviceName} (${offer.offerKey})`).join(', ')
      const by = how === 'gtin' ? `GTIN ${item.gtin}` : `feed item id "${item.itemId}"`
      return void refuseItem(
        `It matches ${candidates.length} offers by ${by}: ${names}. Give each offer its own feed item id.`,
      )
    }
    const offer = candidates[0]!
    const earlier = matchedBy.get(offerIdOf(offer))
    if (earlier !== undefined) {
      return void refuseItem(
        `Item "${earlier}" earlier in the feed already matched this offer: only the first is used.`,
        offer,
      )
    }
    matchedBy.set(offerIdOf(offer), item.itemId)

    if (item.price.currency !== offer.currency) {
      return void refuseItem(
        `Its price is in ${item.price.currency} but the offer is priced in ${offer.currency}: an import never changes an offer's currency.`,
        offer,
      )
    }
    if (!hostIsAllowed(item.link, partner.allowedHosts)) {
      return void refuseItem(
        `Its link ${item.link} is not https on a host partner ${partner.id} allows (${partner.allowedHosts.join(', ') || 'none'}).`,
        offer,
      )
    }
    usable++

    const priceFields = diff(offer, [
      ['price', offer.price, item.price.amount],
      ['salePrice', offer.salePrice, item.salePrice?.amount],
      ['salePriceEffective', offer.salePriceEffective, item.salePriceEffective],
    ])
    const otherFields = diff(offer, [
      ['availability', offer.availability, siteAvailabilityOf(item.availability)],
      ['url', offer.url, offer.url === item.link || offer.url === item.affiliateLink ? offer.url : item.link],
      ['feedItemId', offer.feedItemId, how === 'gtin' ? item.itemId : offer.feedItemId],
    ])
    // Written on every match, so the site and the Studio say when the feed last confirmed the offer.
    const checkTimes = [
      field(offer, 'priceCheckedAt', offer.priceCheckedAt, checkedOn),
      field(offer, 'feedCheckedAt', offer.feedCheckedAt, checkedAt),
    ]
    const hold = priceHold(offer.price, item, holdShare)
    const match = { ...refOf(offer), cause: 'feed' as const, itemId: item.itemId, matchedBy: how }
    if (hold !== undefined) {
      const fields = [...priceFields, ...checkTimes]
      held.push({
        ...refOf(offer),
        itemId: item.itemId,
        current: offer.price,
        proposed: { price: item.price, ...(item.salePrice ? { salePrice: item.salePrice } : {}) },
        ...hold,
        fields,
        patch: patchOf(offer.deviceId, fields),
      })
      if (otherFields.length > 0) {
        changed++
        changes.push({ ...match, fields: otherFields, patch: patchOf(offer.deviceId, otherFields) })
      }
      return
    }
    const fields = [...priceFields, ...otherFields, ...checkTimes]
    if (priceFields.length + otherFields.length > 0) changed++
    else unchanged++
    changes.push({ ...match, fields, patch: patchOf(offer.deviceId, fields) })
  }

  function finish(): FeedImportPlan {
    const summary = (missing: number): ImportSummary => ({
      read,
      matched: matchedBy.size,
      changed,
      unchanged,
      held: held.length,
      refused: refusedCount,
      unmatched: unmatchedCount,
      missing,
    })
    const plan = { partnerId: partner.id, checkedOn, checkedAt, refused, unmatched, warnings }
    if (usable === 0) {
      return {
        ...plan,
        empty: true,
        emptyReason:
          read === 0
            ? 'The feed has no products: nothing was changed.'
            : `All ${read} products of the feed were refused: nothing was changed.`,
        changes: [],
        held: [],
        missing: [],
        misses: new Map(input.previousMisses),
        summary: { ...summary(0), changed: 0, unchanged: 0 },
      }
    }
    const misses = new Map<string, number>()
    const missing: MissingOffer[] = []
    for (const offer of offers) {
      const id = offerIdOf(offer)
      const previous = input.previousMisses.get(id)
      const known = offer.feedItemId !== undefined || previous !== undefined || matchedBy.has(id)
      if (!known) continue
      if (seen.has(id)) {
        misses.set(id, 0)
        continue
      }
      const count = (previous ?? 0) + 1
      misses.set(id, count)
      const markedOutOfStock = count >= threshold && offer.availability !== 'outOfStock'
      const times = `${count} import${count === 1 ? '' : 's'} in a row`
      const reason =
        count < threshold
          ? `Not in the feed (or its row was refused) for ${times}; it is marked out of stock after ${threshold}.`
          : markedOutOfStock
            ? `Not in the feed for ${times}: marked out of stock. The offer is kept.`
            : `Not in the feed for ${times}; it is already out of stock. The offer is kept.`
      missing.push({
        ...refOf(offer),
        ...(offer.feedItemId === undefined ? {} : { feedItemId: offer.feedItemId }),
        misses: count,
        markedOutOfStock,
        reason,
      })
      if (markedOutOfStock) {
        const fields = [field(offer, 'availability', offer.availability, 'outOfStock')]
        changed++
        changes.push({ ...refOf(offer), cause: 'missing', fields, patch: patchOf(offer.deviceId, fields) })
      }
    }
    return { ...plan, empty: false, changes, held, missing, misses, summary: summary(missing.length) }
  }

  return { add, finish }
}

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  const list = map.get(key) ?? []
  map.set(key, list)
  return list
}

/**
 * An offer's identity across imports: its device and its `_key` (a key is unique only within its
 * device; a device duplicated in the Studio keeps its offers' keys).
 */
export function offerIdOf(offer: Pick<CatalogueOffer, 'deviceId' | 'offerKey'>): string {
  return `${offer.deviceId}#${offer.offerKey}`
}

function refOf(offer: CatalogueOffer): OfferRef {
  return { offerKey: offer.offerKey, deviceId: offer.deviceId, deviceName: offer.deviceName }
}

function field(offer: CatalogueOffer, name: OfferField, before: unknown, after: unknown): FieldChange {
  return { field: name, path: offerFieldPath(offer.offerKey, name), before, after }
}

/** The fields whose value differs, compared as JSON (a sale period is an object). */
function diff(offer: CatalogueOffer, pairs: [OfferField, unknown, unknown][]): FieldChange[] {
  return pairs
    .filter(([, before, after]) => JSON.stringify(before) !== JSON.stringify(after))
    .map(([name, before, after]) => field(offer, name, before, after))
}

function patchOf(documentId: string, fields: FieldChange[]): OfferPatch {
  const set: Record<string, unknown> = {}
  const unset: string[] = []
  for (const change of fields) {
    if (change.after === undefined) unset.push(change.path)
    else set[change.path] = change.after
  }
  return { documentId, set, unset }
}

/** The reader refuses these already; an item from elsewhere, or a lower `maxPrice`, is checked again. */
function priceProblem(item: FeedItem, maxPrice: number): string | undefined {
  for (const [name, money] of [
    ['price', item.price],
    ['sale price', item.salePrice],
  ] as const) {
    if (money === undefined) continue
    if (!Number.isFinite(money.amount) || money.amount <= 0) {
      return `Its ${name} ${money.amount} ${money.currency} is not above zero.`
    }
    if (money.amount > maxPrice) {
      return `Its ${name} ${money.amount} ${money.currency} is above ${maxPrice}, the most a price may be: check the feed.`
    }
  }
  return undefined
}

function issueText(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message
}
