import {defineCliConfig} from 'sanity/cli'

import {dataset, projectId} from './environment.ts'

export default defineCliConfig({
  api: {projectId, dataset},
  deployment: {
    // The repository pins sanity@6.8.0 (later 6.x need dependencies missing here); auto-updates
    // would load a different Studio version at run time than the one built and tested.
    autoUpdates: false,
  },
})
