import { routes } from '@/lib/seo/urls'
import styles from './DevicePictogram.module.css'
import { pictogramId } from './pictogramSprite'

export type PictogramSize = 'normal' | 'small' | 'large'

const sizeClasses: Record<PictogramSize, string | undefined> = {
  normal: undefined,
  small: styles.small,
  large: styles.large,
}

/**
 * A simple drawing of the device's form factor, where there is no photo to show, from the one
 * sprite every pictogram shares. Decorative: the form factor is always written next to it.
 * `className` places the drawing in its surroundings (a margin, say); `size` is the drawing's own.
 */
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
    >
      <use href={`${routes.pictograms}#${pictogramId(formFactor)}`} />
    </svg>
  )
}
