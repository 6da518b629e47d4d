import {visionTool} from '@sanity/vision'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'

import {dataset, projectId} from './environment.ts'
import {schemaTypes} from './schemaTypes/index.ts'
import {actionsForDocumentType, withoutSingletonTemplates} from './singletons.ts'
import {structure} from './structure.ts'

export default defineConfig({
  name: 'default',
  title: 'Microneedling compared',

  projectId,
  dataset,

  plugins: [
    structureTool({structure}),
    // The Presentation tool (previews of the real page, at `previewUrl` from ./environment.ts)
    // goes here, before Vision, once the site has its draft-mode route.
    visionTool({defaultApiVersion: '2025-02-19'}),
  ],

  schema: {
    types: schemaTypes,
    // Singletons are opened from the desk structure only, never created from "new document".
    templates: withoutSingletonTemplates,
  },

  document: {
    actions: (actions, {schemaType}) => actionsForDocumentType(actions, schemaType),
  },
})
