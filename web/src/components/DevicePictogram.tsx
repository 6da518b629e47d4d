import type { ReactNode } from 'react'
import styles from './DevicePictogram.module.css'

/**
 * A simple drawing of the device's form factor, where there is no photo to show. Decorative:
 * the form factor is always written next to it.
 */

const needles = (from: number, to: number, y: number, step = 4) => {
  const lines: ReactNode[] = []
  for (let x = from; x <= to; x += step) lines.push(<line key={x} x1={x} y1={y} x2={x} y2={y + 5} />)
  return lines
}

const drawings: Record<string, ReactNode> = {
  dermaRoller: (
    <>
      <line x1="12" y1="56" x2="34" y2="26" />
      <path d="M34 26 L30 18 M34 26 L46 22" />
      <rect x="24" y="6" width="30" height="14" rx="7" className={styles.fill} />
      <g className={styles.needles}>
        <line x1="30" y1="6" x2="30" y2="20" />
        <line x1="36" y1="6" x2="36" y2="20" />
        <line x1="42" y1="6" x2="42" y2="20" />
        <line x1="48" y1="6" x2="48" y2="20" />
      </g>
    </>
  ),
  dermaStamp: (
    <>
      <rect x="27" y="6" width="10" height="32" rx="5" className={styles.fill} />
      <rect x="17" y="38" width="30" height="8" rx="3" />
      <g className={styles.needles}>{needles(21, 43, 47)}</g>
    </>
  ),
  microneedlingPen: (
    <g transform="rotate(35 32 32)">
      <rect x="25" y="2" width="14" height="40" rx="7" className={styles.fill} />
      <line x1="25" y1="14" x2="39" y2="14" />
      <path d="M27 42 L37 42 L34 52 L30 52 Z" />
      <line x1="32" y1="52" x2="32" y2="60" className={styles.needles} />
    </g>
  ),
  hydraStamp: (
    <>
      <rect x="25" y="4" width="14" height="34" rx="4" />
      <rect x="27" y="18" width="10" height="18" rx="2" className={styles.fill} />
      <rect x="17" y="38" width="30" height="8" rx="3" />
      <g className={styles.needles}>{needles(21, 43, 47)}</g>
      <path d="M52 10 C52 10 47 17 47 20 A5 5 0 0 0 57 20 C57 17 52 10 52 10 Z" className={styles.fill} />
    </>
  ),
  rfMicroneedling: (
    <>
      <g transform="rotate(25 26 32)">
        <rect x="19" y="4" width="14" height="38" rx="7" className={styles.fill} />
        <path d="M21 42 L31 42 L28 52 L24 52 Z" />
        <line x1="26" y1="52" x2="26" y2="60" className={styles.needles} />
      </g>
      <path d="M50 8 L43 22 L50 22 L45 36" className={styles.bolt} />
    </>
  ),
}

export type PictogramSize = 'normal' | 'small' | 'large'

const sizeClasses: Record<PictogramSize, string | undefined> = {
  normal: undefined,
  small: styles.small,
  large: styles.large,
}

/** `className` places the drawing in its surroundings (a margin, say); `size` is the drawing's own. */
export function DevicePictogram({
  formFactor,
  size = 'normal',
  className,
}: {
  formFactor: string
  size?: PictogramSize
  className?: string
}) {
  return (
    <svg
      viewBox="0 0 64 64"
      className={[styles.pictogram, sizeClasses[size], className].filter(Boolean).join(' ')}
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {drawings[formFactor] ?? (
        <>
          <circle cx="32" cy="32" r="22" className={styles.fill} />
          <g className={styles.needles}>{needles(22, 42, 29, 5)}</g>
        </>
      )}
    </svg>
  )
}
