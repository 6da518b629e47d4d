/** One static page: what serving any page costs in Next.js, before the site does any work. */
export default function Page() {
  return (
    <main>
      <h1>Bare Next.js page</h1>
      <p>The benchmark compares the site's pages with this one.</p>
    </main>
  )
}
