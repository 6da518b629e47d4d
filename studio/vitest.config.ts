import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // `sanity` imports CSS files. Left external, Node would load them as JavaScript and fail;
    // inlined, Vite transforms `sanity` and turns its CSS imports into empty modules.
    server: { deps: { inline: [/\/node_modules\/sanity\//] } },
    // Building a workspace and running every rule takes a few seconds the first time.
    testTimeout: 60_000,
  },
})
