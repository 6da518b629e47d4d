import { describeFinderWeights, type FinderCriterion, finderWeights } from '@microneedling/content/finder'
import Link from 'next/link'
import { finderCriterionTitles, formatPoints } from '@/lib/finder/finderSummary'
import { routes } from '@/lib/seo/urls'
import styles from './FinderMethod.module.css'

const criteria = Object.keys(finderWeights) as FinderCriterion[]
const totalPoints = criteria.reduce((sum, criterion) => sum + finderWeights[criterion], 0)

/**
 * The finder's method for the methodology page: the weights the ranking uses, read from the same
 * table it scores with, and the rules around them in its own words, so what is written here is
 * what the finder does.
 */
export function FinderMethod() {
  return (
    <section id="finder-method" className={styles.method} aria-labelledby="finder-method-heading">
      <h2 id="finder-method-heading">How the finder ranks devices</h2>
      <p>
        The <Link href={routes.finder}>device finder</Link> asks about your skin concern, the body area, whether it
        would be your first time, your budget and whether you want a home or clinic device. It scores every device
        against your answers with these points:
      </p>
      <table className={styles.weights} data-testid="finder-weights">
        <caption>Points for each criterion</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((criterion) => (
            <tr key={criterion} data-criterion={criterion}>
              <th scope="row">{finderCriterionTitles[criterion]}</th>
              <td>{formatPoints(finderWeights[criterion])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">When every criterion applies</th>
            <td>{formatPoints(totalPoints)}</td>
          </tr>
        </tfoot>
      </table>
      <ul className={styles.rules} data-testid="finder-rules">
        {describeFinderWeights().map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
    </section>
  )
}
