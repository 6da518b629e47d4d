export function ProsCons({ pros, cons }: { pros: readonly string[]; cons: readonly string[] }) {
  return (
    <div className="pros-cons">
      <section className="pros" aria-labelledby="pros-heading">
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
      <section className="cons" aria-labelledby="cons-heading">
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
