import type { FeedItem } from './feedItem.ts'

/** A product read in full; `warnings` name values left out of it (a bad GTIN), never a price. */
export type ReadItem = { item: FeedItem; warnings: string[] }
