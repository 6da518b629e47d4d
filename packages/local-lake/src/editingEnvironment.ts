import { localLakeDataset, localLakeProjectId } from './settings.ts'

/**
 * The environment that points the site and the Studio at a local lake, exactly as a deployment
 * points them at a Sanity project: the site reads it through @sanity/client (drafts for previews
 * with the token, refreshed by the signed webhook), and the Studio edits it with the token
 * signed in. `pnpm dev` and the editors' browser tests both use this one definition.
 */
export interface EditingSetup {
  /** The lake's address, e.g. http://127.0.0.1:3400. */
  lakeUrl: string
  token: string
  siteUrl: string
  studioUrl: string
  revalidateSecret: string
}

export function siteEnvironmentFor(setup: EditingSetup): Record<string, string> {
  return {
    NEXT_PUBLIC_SANITY_PROJECT_ID: localLakeProjectId,
    NEXT_PUBLIC_SANITY_DATASET: localLakeDataset,
    SANITY_API_HOST: setup.lakeUrl,
    SANITY_API_READ_TOKEN: setup.token,
    SANITY_API_WRITE_TOKEN: setup.token,
    SANITY_REVALIDATE_SECRET: setup.revalidateSecret,
    SANITY_STUDIO_URL: setup.studioUrl,
  }
}

export function studioEnvironmentFor(setup: EditingSetup): Record<string, string> {
  // The Studio puts the project id in front of the host (local.localhost), which browsers resolve
  // to this machine; a numeric address would not survive that.
  const apiHost = new URL(setup.lakeUrl)
  apiHost.hostname = 'localhost'
  return {
    SANITY_STUDIO_PROJECT_ID: localLakeProjectId,
    SANITY_STUDIO_DATASET: localLakeDataset,
    SANITY_STUDIO_API_HOST: apiHost.origin,
    SANITY_STUDIO_LOCAL_LAKE_TOKEN: setup.token,
    SANITY_STUDIO_PREVIEW_URL: setup.siteUrl,
  }
}
