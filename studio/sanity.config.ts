import { defaultApiVersion } from '@microneedling/content/apiVersion'
import { productName } from '@microneedling/content/product'
import { visionTool } from '@sanity/vision'
import { defineConfig } from 'sanity'
import { presentationTool } from 'sanity/presentation'
import { structureTool } from 'sanity/structure'

import { dataset, localLakeApiHost, previewUrl, projectId } from './environment.ts'
import { localLakeWorkspaceOptions } from './localLakeWorkspace.ts'
import { locations, mainDocuments } from './presentation/resolve.ts'
import { ReportsNavbar } from './reportsNavbar.ts'
import { schemaTypes } from './schemaTypes/index.ts'
import { actionsForDocumentType, withoutSingletonTemplates } from './singletons.ts'
import { structure } from './structure.ts'

export default defineConfig({
  name: 'default',
  title: productName,

  projectId,
  dataset,
  ...localLakeWorkspaceOptions(),

  plugins: [
    structureTool({ structure }),
    // Previews of the real page: the site at `previewUrl` opened in draft mode (drafts, with edit
    // overlays) through its /api/draft-mode routes.
    presentationTool({
      previewUrl: {
        initial: previewUrl,
        previewMode: { enable: '/api/draft-mode/enable', disable: '/api/draft-mode/disable' },
      },
      resolve: { locations, mainDocuments },
    }),
    visionTool({ defaultApiVersion }),
  ],

  // A link to the site's click reports (/reports), next to the Studio's own navigation.
  studio: { components: { navbar: ReportsNavbar } },

  schema: {
    types: schemaTypes,
    // Singletons are opened from the desk structure only, never created from "new document".
    templates: withoutSingletonTemplates,
  },

  document: {
    actions: (actions, { schemaType }) => actionsForDocumentType(actions, schemaType),
    // Comments live in a dataset of their own on Sanity's side; the local lake has none.
    comments: { enabled: !localLakeApiHost },
  },
})
