import { defineConfig } from 'vitest/config'

// Plain Node tests: feeds written in the tests, and a feed server on a free loopback port.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
})
