import type { Access } from '../http/access.ts'

/**
 * The small endpoints a Studio asks before and beside its documents: who the editor is, the
 * project, its datasets and the editor's grants, feature flags, per-user settings, telemetry
 * consent, onboarding and history. Each answers as the Content Lake does for a project with one
 * administrator and no paid features, so comments, tasks, releases and scheduled publishing stay
 * off and no overlay asks for a trial.
 */

export interface ProjectContext {
  projectId: string
  dataset: string
  editor: { id: string; name: string; email: string }
  /** Per-user settings the Studio saves (`users/me/keyvalue`): kept while the lake runs. */
  keyValues: Map<string, unknown>
}

export type EndpointAnswer = { status: number; body: unknown; contentType?: string }

const editorRole = { name: 'administrator', title: 'Administrator' }

export function answerProjectEndpoint(
  method: string,
  path: string,
  access: Access,
  context: ProjectContext,
  body: unknown,
): EndpointAnswer | undefined {
  const { editor, projectId, dataset } = context
  const signedIn = access.kind === 'editor'
  const read = method === 'GET' || method === 'HEAD'
  if (read && path === 'users/me') {
    // An anonymous request gets an empty object: the Studio reads it as "not signed in".
    return {
      status: 200,
      body: signedIn
        ? {
            id: editor.id,
            name: editor.name,
            email: editor.email,
            profileImage: null,
            provider: 'local-lake',
            role: editorRole.name,
            roles: [editorRole],
          }
        : {},
    }
  }
  if (path.startsWith('users/me/keyvalue')) return keyValueAnswer(method, path, body, context)
  if (read && path.startsWith('users/')) {
    const ids = decodeURIComponent(path.slice('users/'.length)).split(',')
    const users = ids.map((id) => ({ id, displayName: id === editor.id ? editor.name : id, imageUrl: null }))
    return { status: 200, body: ids.length === 1 ? users[0] : users }
  }
  if (read && path === 'features') return { status: 200, body: [] }
  if (read && path === `projects/${projectId}`) {
    return {
      status: 200,
      body: {
        id: projectId,
        displayName: 'Local Content Lake',
        studioHost: null,
        organizationId: null,
        isBlocked: false,
        isDisabled: false,
        isDisabledByUser: false,
        metadata: {},
        features: [],
        members: [{ id: editor.id, role: editorRole.name, roles: [editorRole], isCurrentUser: signedIn }],
      },
    }
  }
  if (read && path === `projects/${projectId}/datasets`) {
    return { status: 200, body: [{ name: dataset, aclMode: 'public', tags: [] }] }
  }
  if (read && path === `projects/${projectId}/datasets/${dataset}/acl`) {
    return {
      status: 200,
      body: signedIn
        ? [{ filter: '_id in path("**")', permissions: ['read', 'create', 'update', 'history', 'editHistory'] }]
        : [{ filter: '!(_id in path("drafts.**")) && !(_id in path("versions.**"))', permissions: ['read'] }],
    }
  }
  if (read && path === `projects/${projectId}/grants`) {
    const permissions = signedIn
      ? ['read', 'create', 'update', 'history', 'editHistory'].map((name) => ({ name, params: {} }))
      : [{ name: 'read', params: {} }]
    return {
      status: 200,
      body: {
        'sanity.document.filter.mode': [{ grants: [{ filter: '_id in path("**")', permissions }] }],
      },
    }
  }
  if (read && path === `projects/${projectId}/user-applications`) return { status: 200, body: [] }
  if (read && (path === 'ping' || path.startsWith('data/ping'))) return { status: 200, body: {} }
  if (read && path === 'check/cors') return { status: 200, body: { result: { allowed: true, withCredentials: true } } }
  if (read && path === 'intake/telemetry-status') return { status: 200, body: { status: 'denied' } }
  if (path.startsWith('intake/')) return { status: 200, body: {} }
  if (read && (path === 'help' || path.startsWith('journey/'))) return { status: 200, body: null }
  if (read && path.startsWith('schedules/')) return { status: 200, body: { schedules: [] } }
  // No history is kept: an empty timeline rather than an error screen.
  if (read && /^data\/history\/[^/]+\/events\/documents\//.test(path)) {
    return { status: 200, body: { events: {}, nextCursor: '' } }
  }
  if (read && /^data\/history\/[^/]+\/transactions\//.test(path)) {
    return { status: 200, body: '', contentType: 'application/x-ndjson' }
  }
  if (read && /^data\/history\/[^/]+\/documents\//.test(path)) return { status: 200, body: { documents: [] } }
  return undefined
}

function keyValueAnswer(method: string, path: string, body: unknown, context: ProjectContext): EndpointAnswer {
  if (method === 'GET') {
    const keys = decodeURIComponent(path.slice('users/me/keyvalue'.length).replace(/^\//, ''))
      .split(',')
      .filter(Boolean)
    return { status: 200, body: keys.map((key) => ({ key, value: context.keyValues.get(key) ?? null })) }
  }
  const entries = Array.isArray(body) ? body : [body]
  const saved: { key: string; value: unknown }[] = []
  for (const entry of entries) {
    if (entry && typeof entry === 'object' && typeof (entry as { key?: unknown }).key === 'string') {
      const { key, value } = entry as { key: string; value: unknown }
      context.keyValues.set(key, value)
      saved.push({ key, value })
    }
  }
  return { status: 200, body: saved }
}
