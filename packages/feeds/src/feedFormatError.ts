/**
 * The feed as a whole cannot be read in the format asked for: a missing column, XML that is not
 * well formed, a quote never closed, a ZIP archive instead of gzip. Reading stops; every item
 * before the problem has already been given.
 */
export class FeedFormatError extends Error {
  override name = 'FeedFormatError'
  /** The 1-based line of the feed where the problem was found, when it is known. */
  readonly line: number | undefined
  constructor(message: string, line?: number) {
    super(line === undefined ? message : `Line ${line}: ${message}`)
    this.line = line
  }
}
