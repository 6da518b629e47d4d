import { type IntendedUse, intendedUses, titleOf } from '@microneedling/content/vocabulary'
import styles from './UseBadge.module.css'

const badgeClasses: Record<IntendedUse, string> = {
  home: `${styles.badge} ${styles.badgeHome}`,
  professional: `${styles.badge} ${styles.badgeProfessional}`,
}

/** Whether a device is for home or professional use, as a label. */
export function UseBadge({ use }: { use: IntendedUse }) {
  return <span className={badgeClasses[use]}>{titleOf(intendedUses, use)}</span>
}
