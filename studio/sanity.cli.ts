import { defineCliConfig } from 'sanity/cli'

import { dataset, projectId } from './environment.ts'

export default defineCliConfig({
  api: { projectId, dataset },
  deployment: {
    // The repository pins sanity@6.8.0 (later 6.x need dependencies missing here); auto-updates
    // would load a different Studio version at run time than the one built and tested.
    autoUpdates: false,
  },
  // `sanity schema extract` writes the schema that TypeGen reads; both outputs are committed, and
  // scripts/check-typegen-fresh.sh fails CI when either is stale (`pnpm typegen` regenerates them).
  schemaExtraction: {
    path: 'schema.json',
    // Required fields come out non-optional, as the zod schemas in packages/content expect them.
    enforceRequiredFields: true,
  },
  typegen: {
    // Every query lives in this one module, so TypeGen reads only it.
    path: '../packages/content/src/queries.ts',
    schema: 'schema.json',
    generates: '../packages/content/src/sanity.types.ts',
    // Registers each result type on @sanity/client's `SanityQueries`, keyed by the query's text:
    // packages/content/src/typeAgreement.ts looks results up there, so a query edited without
    // regenerating has no type and fails the type check (and `client.fetch(query)` is typed).
    overloadClientMethods: true,
  },
})
