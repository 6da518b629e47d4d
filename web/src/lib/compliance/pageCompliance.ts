import type { Caveat, SiteSettings } from '@microneedling/content/schemas'
import { fallbackHomeDeviceCaveats, fallbackMedicalDisclaimer } from './fallbackCopy'

export function homeDeviceCaveats(settings: SiteSettings | null): readonly Caveat[] {
  return settings?.homeDeviceCaveats ?? fallbackHomeDeviceCaveats
}

export function medicalDisclaimer(settings: SiteSettings | null): string {
  return settings?.medicalDisclaimer ?? fallbackMedicalDisclaimer
}

export function includesHomeDevice(devices: readonly { intendedUse: string }[]): boolean {
  return devices.some((device) => device.intendedUse === 'home')
}
