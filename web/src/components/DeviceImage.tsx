import type { DeviceSummary } from '@microneedling/content/schemas'
import { tryGetImageDimensions } from '@sanity/asset-utils'
import { createImageUrlBuilder } from '@sanity/image-url'
import { preload } from 'react-dom'
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
 * The renditions offered up to that width: photos are drawn at most 16rem wide (the hero) or half
 * a phone's width (the gallery), so these cover one to three device pixels per CSS pixel.
 */
const srcsetWidths = [160, 240, 320, 480, 640, 800, 1000, largestWidth]

/**
 * A photo from the Content Lake's CDN, sized from the asset's own dimensions (kept in its id) so
 * the page does not shift as it loads. A plain `<img>` rendered on the server: each srcset width
 * is asked of the CDN itself (which resizes and picks the format), so the site's server never
 * proxies an image and the page carries no JavaScript for it.
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
  // Only a width is asked for: the CDN keeps the photo's own proportions (fit=max) and never enlarges it.
  const source = createImageUrlBuilder(project).image(image).fit('max').auto('format')
  const urlAt = (drawnWidth: number) => source.width(drawnWidth).url()
  const widths = [...srcsetWidths.filter((candidate) => candidate < width), width]
  const srcSet = widths.map((drawnWidth) => `${urlAt(drawnWidth)} ${drawnWidth}w`).join(', ')
  const src = urlAt(width)
  // The hero is the page's largest paint: the browser is told of it in <head>, before it meets the <img>.
  if (aboveTheFold) preload(src, { as: 'image', imageSrcSet: srcSet, imageSizes: sizes, fetchPriority: 'high' })
  return (
    // biome-ignore lint/performance/noImgElement: next/image would add ~6 KB of JavaScript to pages; the CDN sizes each srcset width
    <img
      src={src}
      srcSet={srcSet}
      sizes={sizes}
      alt={image.alt}
      width={width}
      height={Math.round((width * dimensions.height) / dimensions.width)}
      className={styles.photo}
      decoding="async"
      {...(aboveTheFold ? { fetchPriority: 'high' as const } : { loading: 'lazy' as const })}
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
