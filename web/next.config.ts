import type { NextConfig } from 'next'
import { securityHeaders } from './src/lib/securityHeaders'

const nextConfig: NextConfig = {
  // Test builds set NEXT_DIST_DIR so they never overwrite (or lock) a developer's own build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  transpilePackages: ['@microneedling/content'],
  // PGlite loads its WASM and data files from its own folder at run time: not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  // The CSS goes in the HTML: a separate stylesheet blocks the first paint for a whole round trip,
  // which on a phone's connection cost more than the larger HTML does (`pnpm bench:paint`).
  experimental: { inlineCss: true },
  // Metadata (title, canonical, Open Graph) always goes in <head>, for every client, not streamed.
  htmlLimitedBots: /.*/,
  // Read when the site is built: the headers are fixed in the build (see lib/securityHeaders.ts).
  async headers() {
    const headers = securityHeaders({
      studioUrl: process.env.SANITY_STUDIO_URL,
      siteUrl: process.env.NEXT_PUBLIC_SITE_URL,
      development: process.env.NODE_ENV !== 'production',
    })
    return [{ source: '/:path*', headers }]
  },
  // Device photos come from the Content Lake's image CDN; the embedded dataset has none to show.
  images: { remotePatterns: [new URL('https://cdn.sanity.io/images/**')] },
}

export default nextConfig
