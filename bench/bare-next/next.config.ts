import type { NextConfig } from 'next'

// The benchmark's reference point: the same Next.js as the site, served the same way, doing nothing.
const nextConfig: NextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
}

export default nextConfig
