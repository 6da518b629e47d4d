import type { SiteSettings } from '@microneedling/content/schemas'
import type { ReactNode } from 'react'
import { homeDeviceCaveats, includesHomeDevice, medicalDisclaimer } from '@/lib/compliance/pageCompliance'
import { AffiliateDisclosure } from './AffiliateDisclosure'
import { HomeDeviceCaveats } from './HomeDeviceCaveats'
import { MedicalDisclaimer } from './MedicalDisclaimer'

export interface FrameSlots {
  /** False when the settings (and so the disclosure's text) could not be read: show no partner link. */
  partnerLinksAllowed: boolean
  /** The home-device caveats, or null when the page shows no home device. */
  caveats: ReactNode
}

/**
 * The compliance frame of every page with partner links: the affiliate disclosure first, before
 * any link; the home-device caveats when a device shown is for home use; the medical disclaimer
 * last on health pages. The page decides where the caveats sit by placing `slots.caveats`; a page
 * that does not place them gets them after its content, so none can go without.
 */
export function PartnerLinkFrame({
  settings,
  devices,
  withMedicalDisclaimer = false,
  children,
}: {
  settings: SiteSettings | null
  /** Every device the page shows. */
  devices: readonly { intendedUse: string }[]
  withMedicalDisclaimer?: boolean
  children: (slots: FrameSlots) => ReactNode
}) {
  const caveats = includesHomeDevice(devices) ? <HomeDeviceCaveats caveats={homeDeviceCaveats(settings)} /> : null
  let caveatsPlaced = false
  const content = children({
    partnerLinksAllowed: settings !== null,
    get caveats() {
      caveatsPlaced = true
      return caveats
    },
  })
  return (
    <>
      {settings ? <AffiliateDisclosure settings={settings} /> : null}
      {content}
      {caveatsPlaced ? null : caveats}
      {withMedicalDisclaimer ? <MedicalDisclaimer text={medicalDisclaimer(settings)} /> : null}
    </>
  )
}
