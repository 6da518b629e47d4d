import { formatMillimetres, needleLengthText } from '@microneedling/content/formatting'
import type { DeviceSummary } from '@microneedling/content/schemas'
import {
  formFactors,
  homeDeviceTypicalMaxMm,
  intendedUses,
  needleMaterials,
  needleTips,
  titleOf,
} from '@microneedling/content/vocabulary'
import { yesNo } from '@/lib/text/formatting'
import styles from './SpecsTable.module.css'

export function SpecsTable({ device }: { device: DeviceSummary }) {
  const { needles } = device
  const longForHome = device.intendedUse === 'home' && device.needleLengthMm.max > homeDeviceTypicalMaxMm
  const rows: [string, React.ReactNode][] = [
    ['Brand', device.brand.name],
    ['Use', titleOf(intendedUses, device.intendedUse)],
    ['Form factor', titleOf(formFactors, device.formFactor)],
    [
      'Needle length',
      <>
        {needleLengthText(device.needleLengthMm, needles.adjustable, { sayFixed: true })}
        {longForHome ? (
          <span className={styles.note}>
            {' '}
            Longer than the {formatMillimetres(homeDeviceTypicalMaxMm)} usual for home devices.
          </span>
        ) : null}
      </>,
    ],
  ]
  if (needles.needleCount !== undefined) rows.push(['Needle count', String(needles.needleCount)])
  if (needles.cartridgeConfigurations.length > 0) rows.push(['Cartridges', needles.cartridgeConfigurations.join(', ')])
  if (needles.needleCount === undefined && needles.cartridgeConfigurations.length === 0) {
    rows.push(['Needle count', 'Not stated by the maker'])
  }
  rows.push(
    ['Needle material', titleOf(needleMaterials, needles.material)],
    ['Needle tip', titleOf(needleTips, needles.tip)],
    ['Replaceable head', yesNo(needles.replaceableHead)],
    ['Sterile single-use parts', yesNo(needles.sterileSingleUseParts)],
  )
  return (
    <table className={styles.table}>
      <caption>Specifications of the {device.name}</caption>
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
