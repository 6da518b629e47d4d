import { fileURLToPath } from 'node:url'

/**
 * Breakpoints are written once, as custom media queries in src/styles/breakpoints.css. Turbopack's
 * Lightning CSS resolves `@custom-media` only within the file that defines it, so PostCSS makes the
 * definitions global (postcss-global-data) and resolves them (postcss-custom-media) in every file.
 */
export default {
  plugins: {
    '@csstools/postcss-global-data': {
      files: [fileURLToPath(new URL('./src/styles/breakpoints.css', import.meta.url))],
    },
    'postcss-custom-media': {},
  },
}
