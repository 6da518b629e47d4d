import type { DayRange } from '@/lib/reports/clickReports'
import type { ReportTable } from '@/lib/reports/reportTables'
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
}

/** One report table with its CSV download link. */
export function ReportTableView({ table, range, empty }: { table: ReportTable; range: DayRange; empty: string }) {
  const csv = `/api/reports/${table.name}?from=${range.from}&to=${range.to}`
  const numeric = new Set(['clicks', 'filtered', 'status_code'])
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
