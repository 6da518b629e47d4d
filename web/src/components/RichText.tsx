import type { PortableTextBlocks } from '@microneedling/content/schemas'
import { PortableText, type PortableTextComponents } from '@portabletext/react'
import Link from 'next/link'
import styles from './RichText.module.css'

function isInternal(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//')
}

const components: PortableTextComponents = {
  marks: {
    link: ({ value, children }) => {
      const href = typeof value?.href === 'string' ? value.href : ''
      if (!href) return <>{children}</>
      if (isInternal(href)) return <Link href={href}>{children}</Link>
      // Editors' external links are references, not endorsements: no ranking credit, no opener access.
      return (
        <a href={href} rel="nofollow noopener noreferrer">
          {children}
        </a>
      )
    },
  },
}

/** Portable Text from the content source (reviews, guides, comparison bodies, the disclosure). */
export function RichText({ value }: { value: PortableTextBlocks }) {
  if (value.length === 0) return null
  return (
    <div className={styles.richText}>
      <PortableText value={value} components={components} onMissingComponent={false} />
    </div>
  )
}
