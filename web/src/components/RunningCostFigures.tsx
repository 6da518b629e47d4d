import { describeConsumable } from '@microneedling/content/runningCosts'
import type { DeviceSummary } from '@microneedling/content/schemas'
import { deviceRunningCosts } from '@/lib/catalogue/runningCosts'
import { formatDate } from '@/lib/text/formatting'
import styles from './RunningCostFigures.module.css'

/**
 * What a device costs to keep: what it uses up, then the first-year and per-session figures, each
 * with the sum it comes from, so a shopper can check it or redo it for their own routine.
 */
export function RunningCostFigures({
  device,
  now = new Date(),
}: {
  device: DeviceSummary
  /** When the page is rendered: whether a sale price counts depends on it. */
  now?: Date
}) {
  const costs = deviceRunningCosts(device, now)
  const routine = device.intendedUse === 'home' ? 'a typical home routine' : 'one client’s course of treatment'
  return (
    <div className={styles.runningCosts}>
      {device.consumables.length > 0 ? (
        <ul className={styles.consumables}>
          {device.consumables.map((consumable, index) => (
            <li key={consumable.key ?? index}>
              {describeConsumable(consumable, device.formFactor)}
              {consumable.kind !== 'wholeDevice' && consumable.price !== undefined && consumable.priceCheckedAt ? (
                <span className={styles.checked}> (price checked {formatDate(consumable.priceCheckedAt)})</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {costs.known ? (
        <>
          <dl className={styles.figures}>
            <div>
              <dt>First year</dt>
              <dd>
                <strong data-testid="first-year-cost">{costs.firstYear.text}</strong>
                <span className={styles.working}>{costs.firstYear.working}</span>
              </dd>
            </div>
            <div>
              <dt>Each session</dt>
              <dd>
                <strong data-testid="cost-per-session">{costs.perSession.text}</strong>
                <span className={styles.working}>{costs.perSession.working}</span>
              </dd>
            </div>
          </dl>
          <p className="fine-print">
            Worked out for {costs.sessionsPerMonth} {costs.sessionsPerMonth === 1 ? 'session' : 'sessions'} a month (
            {costs.sessionsPerYear} a year), {routine}, from the lowest price in stock. Each session counts only what it
            uses up. Fewer sessions cost less.
          </p>
        </>
      ) : (
        <p data-testid="running-costs-unknown">{costs.reason}</p>
      )}
    </div>
  )
}
