import type { DeviceSummary } from '@microneedling/content/schemas'
import { tryGetImageDimensions } from '@sanity/asset-utils'
import { createImageUrlBuilder } from '@sanity/image-url'
import { Image } from 'next-sanity/image'
import styles from './DeviceImage.module.css'
import { DevicePictogram, type PictogramSize } from './DevicePictogram'

type StoredImage = DeviceSummary['images'][number]

/** Where image assets are served from: a Sanity project's CDN. The embedded dataset has none. */
export interface ImageProject {
  projectId: string
  dataset: string
}

/** The widest rendition offered; the browser picks smaller ones from the srcset for each screen. */
const largestWidth = 1200

/**
 * A photo from the Content Lake's CDN, sized from the asset's own dimensions (kept in its id) so
 * the page does not shift as it loads. The CDN resizes and picks the format itself (next-sanity's
 * loader writes each srcset width into the URL), so the site's server never proxies an image.
 */
function Photo({
  image,
  project,
  sizes,
  aboveTheFold,
}: {
  image: StoredImage
  project: ImageProject
  sizes: string
  aboveTheFold: boolean
}) {
  const dimensions = tryGetImageDimensions(image.asset._ref)
  if (!dimensions) return null
  const width = Math.min(dimensions.width, largestWidth)
  return (
    <Image
      src={createImageUrlBuilder(project).image(image).url()}
      alt={image.alt}
      width={width}
      height={Math.round((width * dimensions.height) / dimensions.width)}
      sizes={sizes}
      className={styles.photo}
      {...(aboveTheFold ? { preload: true } : { loading: 'lazy' as const })}
    />
  )
}

const drawable = (image: StoredImage | undefined): image is StoredImage =>
  image !== undefined && tryGetImageDimensions(image.asset._ref) !== undefined

/**
 * A device's photo; without one, or without a CDN to serve it (the embedded dataset), the form
 * factor's pictogram stands in.
 */
export function DeviceImage({
  image,
  project,
  formFactor,
  sizes,
  aboveTheFold = false,
  pictogramSize,
}: {
  image: StoredImage | undefined
  project: ImageProject | null
  formFactor: string
  /** How wide the image is drawn, as for `<img sizes>`. */
  sizes: string
  /** The hero image loads at once; every other image only when scrolled near. */
  aboveTheFold?: boolean
  /** The size of the pictogram that stands in for a missing photo. */
  pictogramSize?: PictogramSize
}) {
  if (!project || !drawable(image)) return <DevicePictogram formFactor={formFactor} size={pictogramSize} />
  return <Photo image={image} project={project} sizes={sizes} aboveTheFold={aboveTheFold} />
}

/** The photos after the first, further down the page: drawn only when there is a CDN to serve them. */
export function DeviceGallery({ images, project }: { images: readonly StoredImage[]; project: ImageProject | null }) {
  const shown = images.filter(drawable)
  if (!project || shown.length === 0) return null
  return (
    <section className="section" aria-labelledby="photos-heading">
      <h2 id="photos-heading">Photos</h2>
      <ul className={styles.gallery}>
        {shown.map((image) => (
          <li key={image._key}>
            <Photo image={image} project={project} sizes="(min-width: 48rem) 14rem, 45vw" aboveTheFold={false} />
          </li>
        ))}
      </ul>
    </section>
  )
}
