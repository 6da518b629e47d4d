/**
 * One product's raw values as the feed wrote them, named by the feed's own attribute or column
 * names, with where it stands: `row` is its 1-based place among the feed's products (a header is
 * not counted), `line` the 1-based line of the file where it starts.
 */
export type FeedRecord = { kind: 'record'; values: ReadonlyMap<string, string>; row: number; line: number }

/** A product the feed's layout already shows to be wrong, before any value is read. */
export type RefusedRecord = { kind: 'refused'; row: number; line: number; reason: string }
