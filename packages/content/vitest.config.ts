import { defineConfig } from 'vitest/config'

// Plain Node tests: the content package has no DOM and no framework, so nothing else is needed.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
})
