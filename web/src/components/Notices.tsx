import type { ReactNode } from 'react'
import styles from './Notices.module.css'

/** Messages about what a visitor asked for (ignored filters, unknown devices), in plain words. */
export function Notices({ title, messages }: { title: string; messages: readonly string[] }) {
  if (messages.length === 0) return null
  return (
    <div className={styles.notices} role="status" data-testid="notices">
      <p className={styles.title}>{title}</p>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  )
}

/** One sentence about the page itself (a curated comparison that can no longer be shown), boxed like the notices. */
export function Notice({ children }: { children: ReactNode }) {
  return <p className={styles.notices}>{children}</p>
}
