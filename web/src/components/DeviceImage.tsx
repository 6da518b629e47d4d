import type { DeviceSummary } from '@microneedling/content/schemas'
import { tryGetImageDimensions } from '@sanity/asset-utils'
import { createImageUrlBuilder } from '@sanity/image-url'
import Image from 'next/image'
import styles from './DeviceImage.module.css'
import { DevicePictogram } from './DevicePictogram'

type StoredImage = DeviceSummary['images'][number]

/** Where image assets are served from: a Sanity project's CDN. The embedded dataset has none. */
export interface ImageProject {
  projectId: string
  dataset: string
}

/** The widest rendition asked of the CDN; next/image picks smaller ones from it for each screen. */
const largestWidth = 1200

export function imageUrl(image: StoredImage, project: ImageProject): string {
  return createImageUrlBuilder(project).image(image).width(largestWidth).fit('max').auto('format').url()
}

/**
 * A device photo from the Content Lake, sized from the asset's own dimensions so the page does not
 * shift as it loads. Without an image, or without a CDN to serve it (the embedded dataset), the
 * form factor's pictogram stands in.
 */
export function DeviceImage({
  image,
  project,
  formFactor,
  sizes,
  aboveTheFold = false,
  className,
}: {
  image: StoredImage | undefined
  project: ImageProject | null
  formFactor: string
  /** How wide the image is drawn, as for `<img sizes>`. */
  sizes: string
  /** The hero image loads at once; every other image only when scrolled near. */
  aboveTheFold?: boolean
  className?: string
}) {
  const dimensions = image ? tryGetImageDimensions(image.asset._ref) : undefined
  if (!image || !project || !dimensions) return <DevicePictogram formFactor={formFactor} className={className} />
  const width = Math.min(dimensions.width, largestWidth)
  return (
    <Image
      src={imageUrl(image, project)}
      alt={image.alt}
      width={width}
      height={Math.round((width * dimensions.height) / dimensions.width)}
      sizes={sizes}
      className={styles.photo}
      {...(aboveTheFold ? { preload: true } : { loading: 'lazy' as const })}
    />
  )
}

/** The photos after the first, further down the page: drawn only when there is a CDN to serve them. */
export function DeviceGallery({ images, project }: { images: readonly StoredImage[]; project: ImageProject | null }) {
  const shown = project ? images.filter((image) => tryGetImageDimensions(image.asset._ref)) : []
  if (!project || shown.length === 0) return null
  return (
    <section className="section" aria-labelledby="photos-heading">
      <h2 id="photos-heading">Photos</h2>
      <ul className={styles.gallery}>
        {shown.map((image) => (
          <li key={image._key}>
            <DeviceImage image={image} project={project} formFactor="" sizes="(min-width: 48rem) 14rem, 45vw" />
          </li>
        ))}
      </ul>
    </section>
  )
}
