/**
 * Why one row (a CSV line, an XML item) cannot become an item, in words an editor can act on.
 * Thrown by the field readers and caught per row, so the rest of the feed is still read.
 */
export class RowRefusal extends Error {
  override name = 'RowRefusal'
}
