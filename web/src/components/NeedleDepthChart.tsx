import { formatNeedleLength } from '@microneedling/content/formatting'
import { skinLayers } from '@microneedling/content/vocabulary'
import { describeNeedleDepth } from '@/lib/catalogue/needleDepth'
import styles from './NeedleDepthChart.module.css'

interface ChartDevice {
  slug: string
  name: string
  needleLengthMm: { min: number; max: number }
}

const width = 400
const top = 40
const pixelsPerMm = 100
const depthMm = skinLayers.at(-1)!.toMm
const height = top + depthMm * pixelsPerMm + 34
const bandLeft = 172
const bandRight = width - 4
const columnsLeft = 186
const columnsRight = width - 12

const layerClasses: Record<(typeof skinLayers)[number]['name'], string | undefined> = {
  Epidermis: styles.layerEpidermis,
  'Papillary dermis': styles.layerPapillaryDermis,
  'Reticular dermis': styles.layerReticularDermis,
  'Subcutaneous fat': styles.layerSubcutaneousFat,
}

const y = (mm: number) => top + Math.min(mm, depthMm) * pixelsPerMm
const short = (length: { min: number; max: number }) => formatNeedleLength(length).replace(' mm', '')

/**
 * Each device's needle length drawn against typical facial skin layers: a line for a fixed length,
 * a line plus a dashed band for an adjustable range. The legend and <desc> say the same in words.
 */
export function NeedleDepthChart({ devices, id }: { devices: readonly ChartDevice[]; id: string }) {
  const titleId = `${id}-title`
  const descId = `${id}-desc`
  const spacing = (columnsRight - columnsLeft) / Math.max(devices.length, 1)
  const sentences = devices.map(describeNeedleDepth)
  const numbered = devices.length > 1
  return (
    <figure className={styles.chart}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className={styles.svg}
      >
        <title id={titleId}>Needle length against typical skin depth</title>
        <desc id={descId}>
          {`Typical facial skin layers: ${skinLayers
            .map((layer) => `${layer.name.toLowerCase()} ${layer.fromMm} to ${layer.toMm} mm`)
            .join(', ')}. ${sentences.join(' ')}`}
        </desc>
        {skinLayers.map((layer) => (
          <g key={layer.name}>
            <rect
              x={bandLeft}
              y={y(layer.fromMm)}
              width={bandRight - bandLeft}
              height={y(layer.toMm) - y(layer.fromMm)}
              className={layerClasses[layer.name]}
            />
            <text
              x={8}
              y={(y(layer.fromMm) + y(layer.toMm)) / 2}
              dominantBaseline="middle"
              className={styles.layerLabel}
            >
              {layer.name}
            </text>
          </g>
        ))}
        {[0, 0.5, 1, 1.5, 2, 2.5, 3].map((mm) => (
          <g key={mm} className={styles.tick}>
            <line x1={bandLeft - 6} x2={bandLeft} y1={y(mm)} y2={y(mm)} />
            <text x={bandLeft - 9} y={y(mm)} dominantBaseline="middle" textAnchor="end">
              {mm === 0 ? '0 mm' : mm}
            </text>
          </g>
        ))}
        <line x1={bandLeft} x2={bandRight} y1={top} y2={top} className={styles.surface} />
        <text x={bandLeft} y={top - 24} className={styles.surfaceLabel}>
          Skin surface
        </text>
        {devices.map((device, index) => {
          const x = columnsLeft + spacing * (index + 0.5)
          const { min, max } = device.needleLengthMm
          return (
            <g key={device.slug}>
              {numbered ? (
                <>
                  <circle cx={x} cy={top - 12} r={9} className={styles.marker} />
                  <text x={x} y={top - 12} textAnchor="middle" dominantBaseline="central" className={styles.markerText}>
                    {index + 1}
                  </text>
                </>
              ) : null}
              <line x1={x} x2={x} y1={top} y2={y(min)} className={styles.needleFixed} />
              {max > min ? (
                <rect x={x - 5} y={y(min)} width={10} height={y(max) - y(min)} rx={3} className={styles.needleRange} />
              ) : null}
              <circle cx={x} cy={y(max)} r={3.5} className={styles.needleTip} />
              <text x={x} y={y(max) + 16} textAnchor="middle" className={styles.needleLabel}>
                {short(device.needleLengthMm)}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption className={styles.caption}>
        {numbered ? (
          <ol className={styles.legend}>
            {sentences.map((sentence, index) => (
              <li key={devices[index]!.slug}>{sentence}</li>
            ))}
          </ol>
        ) : (
          <p>{sentences[0]}</p>
        )}
        <p className="fine-print">
          Depths in millimetres. Layer depths are typical for facial skin; they vary with body area, age and person. A
          dashed band shows the range of an adjustable device.
        </p>
      </figcaption>
    </figure>
  )
}
