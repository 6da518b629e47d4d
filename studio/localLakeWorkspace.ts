import type { WorkspaceOptions } from 'sanity'
import { localLakeApiHost, localLakeToken, projectId } from './environment.ts'

/**
 * What the workspace needs to run on the local Content Lake instead of Sanity's hosted API: its
 * address, sign-in with the lake's token (no login screen), the search strategy whose queries
 * groq-js answers, and none of the features the local lake does not keep (comments, tasks,
 * content releases, scheduled publishing). Empty when the Studio is built for a Sanity project.
 */
export function localLakeWorkspaceOptions(): Partial<WorkspaceOptions> {
  if (!localLakeApiHost) return {}
  if (localLakeToken) signInWithToken(localLakeToken)
  return {
    apiHost: localLakeApiHost,
    auth: { loginMethod: 'token', apiHost: localLakeApiHost },
    search: { strategy: 'groqLegacy' },
    tasks: { enabled: false },
    releases: { enabled: false },
    scheduledPublishing: { enabled: false },
    scheduledDrafts: { enabled: false },
    announcements: { enabled: false },
  }
}

/**
 * Sanity's token sign-in reads the token from this localStorage key before its first request;
 * writing it when the config loads signs the editor in on this machine only.
 */
function signInWithToken(token: string): void {
  if (typeof window === 'undefined' || !window.localStorage) return
  const key = `__studio_auth_token_${projectId}`
  if (window.localStorage.getItem(key)) return
  window.localStorage.setItem(key, JSON.stringify({ token, time: new Date().toISOString() }))
}
