import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'
import { PHASE_PRODUCTION_SERVER } from 'next/constants'
import { securityHeaders } from './src/lib/security/securityHeaders'

const nextConfig: NextConfig = {
  // Test builds set NEXT_DIST_DIR so they never overwrite (or lock) a developer's own build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  transpilePackages: ['@microneedling/content', '@microneedling/feeds'],
  // PGlite loads its WASM and data files from its own folder at run time: not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  // Next.js would hash each cached page's whole body on every request to make an ETag; the CDN in
  // front of the site makes its own, so the origin spends that time serving instead.
  generateEtags: false,
  reactStrictMode: true,
  // The CSS goes in the HTML: a separate stylesheet blocks the first paint for a whole round trip,
  // which on a phone's connection cost more than the larger HTML does (`pnpm bench:paint`). Inlined
  // CSS costs no request, so chunks are cut per page: each page carries only its own styles.
  experimental: { inlineCss: true, cssChunking: { type: 'graph', requestCost: 0 } },
  // Metadata (title, canonical, Open Graph) always goes in <head>, for every client, not streamed.
  htmlLimitedBots: /.*/,
  // Read when the site is built: the headers are fixed in the build (see lib/security/securityHeaders.ts).
  async headers() {
    const headers = securityHeaders({
      studioUrl: process.env.SANITY_STUDIO_URL,
      siteUrl: process.env.NEXT_PUBLIC_SITE_URL,
      development: process.env.NODE_ENV !== 'production',
    })
    return [{ source: '/:path*', headers }]
  },
}

/**
 * With REDIS_URL, `next start` keeps Next's cache (pages, data cache, tags) in Redis for every
 * server (cache-handler.mjs); the build, `next dev` and one server without it use the filesystem.
 */
export default function config(phase: string): NextConfig {
  if (phase !== PHASE_PRODUCTION_SERVER || !process.env.REDIS_URL) return nextConfig
  return { ...nextConfig, cacheHandler: fileURLToPath(new URL('./cache-handler.mjs', import.meta.url)) }
}
