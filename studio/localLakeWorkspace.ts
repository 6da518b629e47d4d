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
  spreadListenersOverHostNames(localLakeApiHost)
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

/**
 * Each open listener holds a connection, and the Studio opens six or more (previews, the open
 * document, its versions, each list, the Presentation tool's live events); over HTTP/1.1 a browser allows six per host, so requests
 * would queue behind them and the Studio would stall. Sanity's API serves HTTP/2; the local lake
 * serves HTTP/1.1, so each listener is sent to a host name of its own under `.localhost`, which
 * browsers resolve to this machine like `localhost` itself. Nothing else about the request changes.
 */
function spreadListenersOverHostNames(apiHost: string): void {
  if (typeof window === 'undefined' || typeof window.fetch !== 'function') return
  const lakePort = new URL(apiHost).port
  const originalFetch = window.fetch.bind(window)
  let listenerCount = 0
  window.fetch = (input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!/\/data\/(listen|live\/events)\//.test(href)) return originalFetch(input, init)
    const target = new URL(href)
    if (target.port !== lakePort || !target.hostname.endsWith('localhost')) return originalFetch(input, init)
    listenerCount += 1
    target.hostname = `listener-${listenerCount % 100}.${target.hostname}`
    return originalFetch(input instanceof Request ? new Request(target.href, input) : target.href, init)
  }
}
