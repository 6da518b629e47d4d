import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Test builds set NEXT_DIST_DIR so they never overwrite (or lock) a developer's own build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  transpilePackages: ['@microneedling/content'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Metadata (title, canonical, Open Graph) always goes in <head>, for every client, not streamed.
  htmlLimitedBots: /.*/,
  // Device photos come from the Content Lake's image CDN; the embedded dataset has none to show.
  images: { remotePatterns: [new URL('https://cdn.sanity.io/images/**')] },
}

export default nextConfig
