import { CsvError, type Parser, parse } from 'csv-parse'
import { FeedFormatError } from '../feedFormatError.ts'
import type { FeedRecord, RefusedRecord } from '../feedRecord.ts'

/** How one delimited format is laid out: its separator, and what its header must name. */
export type DelimitedLayout = {
  delimiter: string
  /** The name a header cell stands for ("G:Sale Price" is Google's `sale_price`). */
  columnName: (headerCell: string) => string
  /** What the header lacks, in words for the partner or the editor, or undefined when it will do. */
  headerProblem: (columns: ReadonlySet<string>) => string | undefined
}

// Longer than any product row; a quote left open would otherwise read the rest of the feed as one row.
const maxRowCharacters = 1_000_000

type ParsedRow = { fields: string[]; line: number }

/**
 * The rows of a delimited feed (CSV, TSV), read through csv-parse as the bytes arrive: a byte-order
 * mark, quoted separators and newlines, and quotes inside unquoted values ("12" roller") are all
 * read. Blank lines and rows of empty values are skipped. Only one chunk's rows are held at a time.
 */
export async function* delimitedRecords(
  chunks: AsyncIterable<Uint8Array>,
  layout: DelimitedLayout,
): AsyncGenerator<FeedRecord | RefusedRecord> {
  const parsed: ParsedRow[] = []
  const parser = parse({
    bom: true,
    delimiter: layout.delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: maxRowCharacters,
    // Rows are taken here rather than read from the stream, so the rows before a syntax error in
    // the same chunk are still given; returning null keeps the stream's own buffer empty.
    on_record: (fields: string[], context) => {
      parsed.push({ fields, line: context.lines - newlinesIn(fields) })
      return null
    },
  })
  parser.on('error', () => {}) // each write and the end report their own error
  parser.resume()

  let columns: string[] | undefined
  let row = 0
  function* take(): Generator<FeedRecord | RefusedRecord> {
    for (const { fields, line } of parsed.splice(0)) {
      if (!columns) {
        columns = headerColumns(fields, layout, line)
        continue
      }
      row += 1
      if (fields.length > columns.length) {
        yield {
          kind: 'refused',
          row,
          line,
          reason: `The row has ${fields.length} values but the header names ${columns.length} columns: a separator inside a value that is not quoted?`,
        }
        continue
      }
      // Values missing at the end of a row are read as empty, as spreadsheets leave them off.
      yield { kind: 'record', values: new Map(columns.map((name, index) => [name, fields[index] ?? ''])), row, line }
    }
  }

  try {
    for await (const chunk of chunks) {
      const error = await written(parser, chunk)
      yield* take()
      if (error) throw formatErrorOf(error)
    }
    const error = await ended(parser)
    yield* take()
    if (error) throw formatErrorOf(error)
    if (!columns) throw new FeedFormatError('The feed is empty: not even a header line.')
  } finally {
    parser.destroy()
  }
}

function headerColumns(cells: string[], layout: DelimitedLayout, line: number): string[] {
  const columns = cells.map(layout.columnName)
  const seen = new Set<string>()
  for (const column of columns) {
    if (column !== '' && seen.has(column)) throw new FeedFormatError(`The header names "${column}" twice.`, line)
    seen.add(column)
  }
  const problem = layout.headerProblem(seen)
  if (problem) throw new FeedFormatError(`${problem} The header has: ${cells.join(', ')}.`, line)
  return columns
}

function newlinesIn(fields: string[]): number {
  let count = 0
  for (const field of fields) {
    for (let index = field.indexOf('\n'); index !== -1; index = field.indexOf('\n', index + 1)) count += 1
  }
  return count
}

function written(parser: Parser, chunk: Uint8Array): Promise<Error | undefined> {
  return new Promise((resolve) => parser.write(chunk, (error) => resolve(error ?? undefined)))
}

function ended(parser: Parser): Promise<Error | undefined> {
  return new Promise((resolve) => parser.end((error?: Error | null) => resolve(error ?? undefined)))
}

function formatErrorOf(error: Error): Error {
  if (!(error instanceof CsvError)) return error
  const line = typeof error.lines === 'number' ? error.lines : undefined
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new FeedFormatError('A quoted value is never closed, so the rest of the feed cannot be read.', line)
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return new FeedFormatError(
      `A row is longer than ${maxRowCharacters} characters: is a quote left open before it?`,
      line,
    )
  }
  return new FeedFormatError(error.message, line)
}
