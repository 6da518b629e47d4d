/**
 * Lets plain Node import `sanity`, whose dependencies import CSS and font files: Sanity's own stub
 * loader turns those imports into empty modules. Use with `node --import`; the package does not
 * export the loader, hence the path into node_modules.
 */
import { register } from 'node:module'

register('../node_modules/sanity/mock-browser-env-stub-loader.mjs', import.meta.url)
