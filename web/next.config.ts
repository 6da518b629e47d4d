import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Test builds set NEXT_DIST_DIR so they never overwrite (or lock) a developer's own build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  transpilePackages: ['@microneedling/content'],
  // PGlite loads its WASM and data files from its own folder at run time: not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Metadata (title, canonical, Open Graph) always goes in <head>, for every client, not streamed.
  htmlLimitedBots: /.*/,
}

export default nextConfig
