import type { Metadata, Viewport } from 'next'
import { draftMode } from 'next/headers'
import type { ReactNode } from 'react'
import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { fallbackSiteName } from '@/lib/compliance/fallbackCopy'
import { getSiteSettings } from '@/lib/content/siteContent'
import { siteUrl } from '@/lib/env/siteEnvironment'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings()
  const siteName = settings?.siteName ?? fallbackSiteName
  const description =
    settings?.tagline ??
    'Home and professional microneedling devices compared on needles, hygiene, price and what they can really do.'
  return {
    metadataBase: new URL(`${siteUrl}/`),
    title: { default: siteName, template: `%s | ${siteName}` },
    description,
    applicationName: siteName,
    openGraph: { siteName, type: 'website', locale: 'en_GB' },
    formatDetection: { telephone: false },
  }
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0f5f5a',
}

/** `preview` is the @preview slot: the preview tools, drawn in draft mode only (see @preview/default.tsx). */
export default async function RootLayout({ children, preview }: { children: ReactNode; preview: ReactNode }) {
  const [settings, { isEnabled: previewing }] = await Promise.all([getSiteSettings(), draftMode()])
  const siteName = settings?.siteName ?? fallbackSiteName
  return (
    <html lang="en-GB">
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <SiteHeader siteName={siteName} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter siteName={siteName} tagline={settings?.tagline} />
        {previewing ? preview : null}
      </body>
    </html>
  )
}
