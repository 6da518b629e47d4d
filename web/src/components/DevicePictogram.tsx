import { routes } from '@/lib/seo/urls'
import { pictogramId } from './pictogramSprite'

/**
 * A simple drawing of the device's form factor, where there is no photo to show. Decorative:
 * the form factor is always written next to it.
 */
export function DevicePictogram({ formFactor, className }: { formFactor: string; className?: string }) {
  return (
    <svg
      viewBox="0 0 64 64"
      className={className ? `pictogram ${className}` : 'pictogram'}
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <use href={`${routes.pictograms}#${pictogramId(formFactor)}`} />
    </svg>
  )
}
