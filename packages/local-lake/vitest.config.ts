import { defineConfig } from 'vitest/config'

// Plain Node tests of the local Content Lake, each against a server on a free loopback port.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
})
