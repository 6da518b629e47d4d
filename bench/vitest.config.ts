import { defineConfig } from 'vitest/config'

// Unit tests of the generator and the report; the benchmark itself is run with `pnpm bench`, never as a test.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
})
