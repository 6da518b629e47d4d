import type { DayRange } from '@/lib/reports/clickReports'
import type { ReportTable } from '@/lib/reports/reportTables'
import button from '../Button.module.css'
import tableScroll from '../TableScroll.module.css'
import headingRow from './HeadingRow.module.css'
import styles from './ReportTableView.module.css'

const headings: Record<string, string> = {
  day: 'Day',
  device: 'Device',
  offer: 'Offer',
  partner: 'Partner',
  page_kind: 'Kind of page',
  clicks: 'Clicks',
  filtered: 'Filtered',
  outcome: 'Outcome',
  status_code: 'Status',
  final_url: 'Ends at',
  detail: 'Detail',
  checked_at: 'Checked',
  price_checked_at: 'Price checked',
  started_at: 'Started',
  items_read: 'Items read',
  matched: 'Matched',
  changed: 'Changed',
  held: 'Held',
  refused: 'Refused',
  unmatched: 'Unmatched',
  missing: 'Missing',
  not_applied: 'Not applied',
  duration_ms: 'Took (ms)',
  held_at: 'Held on',
  item_id: 'Feed item',
  current_price: 'Current price',
  proposed_price: 'Feed price',
  currency: 'Currency',
  reason: 'Why',
  partner_id: 'Partner',
  row_number: 'Row',
  title: 'Title',
  gtin: 'GTIN',
  price: 'Price',
  link: 'Link',
}

/** One report table with its CSV download link. */
export function ReportTableView({ table, range, empty }: { table: ReportTable; range: DayRange; empty: string }) {
  const csv = `/api/reports/${table.name}?from=${range.from}&to=${range.to}`
  const numeric = new Set([
    'clicks',
    'filtered',
    'status_code',
    'items_read',
    'matched',
    'changed',
    'held',
    'refused',
    'unmatched',
    'missing',
    'not_applied',
    'duration_ms',
    'current_price',
    'proposed_price',
    'price',
    'row_number',
  ])
  return (
    <section aria-labelledby={`${table.name}-heading`} data-report={table.name}>
      <div className={headingRow.headingRow}>
        <h2 id={`${table.name}-heading`}>{table.title}</h2>
        <a href={csv} download data-testid={`csv-${table.name}`}>
          Download CSV<span className="visually-hidden"> of {table.title.toLowerCase()}</span>
        </a>
      </div>
      {table.rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className={tableScroll.region}>
          <table className={styles.table}>
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th key={column} scope="col" className={numeric.has(column) ? styles.numeric : undefined}>
                    {headings[column] ?? column}
                  </th>
                ))}
                {table.editLinks ? <th scope="col">Fix it</th> : null}
                {table.decisions ? <th scope="col">Decide</th> : null}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, index) => (
                <tr key={row.join('\u0000')}>
                  {row.map((cell, column) => (
                    <td
                      key={table.columns[column]}
                      className={numeric.has(table.columns[column]!) ? styles.numeric : undefined}
                    >
                      {cell ?? ''}
                    </td>
                  ))}
                  {table.editLinks ? (
                    <td>
                      <a href={table.editLinks[index]}>Edit in the Studio</a>
                    </td>
                  ) : null}
                  {table.decisions ? (
                    <td>
                      <form method="post" action={table.decisions[index]} className={styles.decision}>
                        <button type="submit" name="decision" value="approve" className={button.button}>
                          Approve
                        </button>
                        <button
                          type="submit"
                          name="decision"
                          value="reject"
                          className={`${button.button} ${button.secondary}`}
                        >
                          Reject
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
