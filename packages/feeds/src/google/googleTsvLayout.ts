import type { DelimitedLayout } from '../delimited/delimitedRecords.ts'

const requiredAttributes = ['id', 'link', 'price', 'availability']

/**
 * Google Merchant Center's tab-separated product data: a header line of attribute names, then one
 * product a line. Headers are read as Google reads them: any case, "g:" prefixes and spaces for
 * underscores ("Sale Price" is `sale_price`).
 */
export const googleTsvLayout: DelimitedLayout = {
  delimiter: '\t',
  columnName: (cell) =>
    cell
      .trim()
      .toLowerCase()
      .replace(/^g:/, '')
      .replace(/[\s_]+/g, '_'),
  headerProblem: (columns) => {
    const missing = requiredAttributes.filter((attribute) => !columns.has(attribute))
    if (missing.length === 0) return undefined
    return `The header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: is this a Google Merchant Center TSV feed?`
  },
}
