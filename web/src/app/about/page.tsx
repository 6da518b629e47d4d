import { authorRoles, titleOf } from '@microneedling/content/vocabulary'
import type { Metadata } from 'next'
import Link from 'next/link'
import { FinderMethod } from '@/components/finder/FinderMethod'
import { getAuthors } from '@/lib/content/siteContent'
import { pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/seo/urls'
import styles from './page.module.css'

export function generateMetadata(): Promise<Metadata> {
  return pageMetadata({
    title: 'How we review devices',
    description:
      'One method for every microneedling device, editorial independence from the shops we link to, and who writes and medically reviews our pages.',
    path: routes.about,
  })
}

const criteria = [
  {
    name: 'Needles',
    text: 'Length, tip, material and count, and whether they suit the intended use. A home device with needles longer than usual for home use loses points.',
  },
  {
    name: 'Hygiene',
    text: 'Whether needle parts are sterile and single-use or can be replaced, and how easy the device is to clean properly.',
  },
  {
    name: 'Build and handling',
    text: 'How well it is made and how easy it is to use evenly and gently.',
  },
  {
    name: 'Running cost',
    text: 'The price of the device and of the replacement heads or cartridges it needs.',
  },
  {
    name: 'Honest claims',
    text: 'Whether what the maker says matches what is known about microneedling. Big promises count against a device.',
  },
  {
    name: 'Instructions and support',
    text: 'Clear guidance on use, cleaning, replacement and when to stop.',
  },
]

export default async function AboutPage() {
  const authors = await getAuthors()
  const groups = authorRoles
    .map((role) => ({ role, people: authors.filter((author) => author.role === role.value) }))
    .filter((group) => group.people.length > 0)
  return (
    <article className="prose-page">
      <h1>How we review devices</h1>
      <p className="lede">
        Every device on this site is assessed with the same method, so ratings can be compared across home and
        professional devices, rollers, stamps and pens.
      </p>

      <section aria-labelledby="method-heading">
        <h2 id="method-heading">One method for every device</h2>
        <p>We look at the same six things for each device and combine them into a rating out of 10:</p>
        <ol className={styles.criteria}>
          {criteria.map((criterion) => (
            <li key={criterion.name}>
              <strong>{criterion.name}.</strong> {criterion.text}
            </li>
          ))}
        </ol>
        <p>
          A rating describes the device, not the results you will get. Skin responds differently from person to person,
          and home devices do much less than professional treatment. Each device page shows the date it was last
          reviewed, and prices show the date they were checked.
        </p>
      </section>

      <FinderMethod />

      <section aria-labelledby="independence-heading">
        <h2 id="independence-heading">Editorial independence</h2>
        <p>
          We earn a commission when you buy through a partner link. Partners cannot pay for a rating, a review, or a
          place in a list, and they do not see our reviews before they are published. Devices without a partner offer
          are reviewed in the same way as the rest. Read our full{' '}
          <Link href={routes.disclosure}>affiliate disclosure</Link>.
        </p>
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">Who writes and reviews our pages</h2>
        <p>
          Writers research and write each review. A medical reviewer checks what we say about skin, safety and results
          before a page is published, and again when it is updated.
        </p>
        {groups.map((group) => (
          <div key={group.role.value}>
            <h3>{titleOf(authorRoles, group.role.value)}s</h3>
            <ul className={styles.people}>
              {group.people.map((author) => (
                <li key={author.slug} id={`author-${author.slug}`} className={styles.person}>
                  <p className={styles.name}>{author.name}</p>
                  {author.credentials ? <p className={styles.credentials}>{author.credentials}</p> : null}
                  {author.bio ? <p>{author.bio}</p> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </article>
  )
}
