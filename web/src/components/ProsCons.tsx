import styles from './ProsCons.module.css'

export function ProsCons({ pros, cons }: { pros: readonly string[]; cons: readonly string[] }) {
  return (
    <div className={styles.prosCons}>
      <section className={styles.pros} aria-labelledby="pros-heading">
        <h3 id="pros-heading">Pros</h3>
        {pros.length > 0 ? (
          <ul>
            {pros.map((pro) => (
              <li key={pro}>{pro}</li>
            ))}
          </ul>
        ) : (
          <p>None listed.</p>
        )}
      </section>
      <section className={styles.cons} aria-labelledby="cons-heading">
        <h3 id="cons-heading">Cons</h3>
        {cons.length > 0 ? (
          <ul>
            {cons.map((con) => (
              <li key={con}>{con}</li>
            ))}
          </ul>
        ) : (
          <p>None listed.</p>
        )}
      </section>
    </div>
  )
}
