/**
 * Lets plain Node import `sanity`, whose dependencies import CSS and font files: those imports
 * become modules that export their URL, as Sanity's own stub loader
 * (sanity/mock-browser-env-stub-loader.mjs, not exported by the package) makes them. The hook
 * runs in the importing thread (`registerHooks`), not on a separate loader thread, which would
 * add a round trip to each of the thousands of modules `sanity` loads. Use with `node --import`;
 * a worker thread imports this module itself before importing `sanity`.
 */
import { registerHooks } from 'node:module'

const assetExtensions = [
  '.css',
  '.eot',
  '.gif',
  '.jpeg',
  '.jpg',
  '.otf',
  '.png',
  '.sass',
  '.scss',
  '.svg',
  '.ttf',
  '.webp',
  '.woff',
  '.woff2',
]

registerHooks({
  load(url, context, nextLoad) {
    if (assetExtensions.some((extension) => url.endsWith(extension))) {
      return { format: 'module', source: `export default ${JSON.stringify(url)}`, shortCircuit: true }
    }
    return nextLoad(url, context)
  },
})
