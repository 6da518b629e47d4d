import type { StoredDocument } from '@microneedling/content/source/ndjson'
import { LakeError } from '../lakeError.ts'
import type { PlannedChange, TransactionView } from '../store/documentStore.ts'
import { applyMutatorMutations, stagingView, validDocumentId } from './mutations.ts'

/**
 * The Actions API (`POST /data/actions/<dataset>`) the Studio writes drafts through: create, edit,
 * publish, unpublish, discard, delete and replaceDraft, all in one transaction. Each refuses what
 * the Content Lake refuses (a draft that already exists, a publish of a stale revision, an
 * unpublish of nothing) with 409, so the Studio's handling of those answers is exercised as well.
 */

const draftPrefix = 'drafts.'

type ActionInput = Record<string, unknown>

export function planActions(actions: unknown, storeView: TransactionView): PlannedChange[] {
  const list = Array.isArray(actions) ? actions : [actions]
  if (list.length === 0 || list.some((action) => !isRecord(action))) {
    throw new LakeError(400, 'validationError', 'The request body must be {"actions": [ {"actionType": ...} ]}')
  }
  const view = stagingView(storeView)
  const changes: PlannedChange[] = []
  list.forEach((action, index) => {
    for (const change of planAction(action as ActionInput, view, index)) {
      changes.push(change)
      view.stage(change)
    }
  })
  return changes
}

function planAction(action: ActionInput, view: TransactionView, index: number): PlannedChange[] {
  const type = action.actionType
  switch (type) {
    case 'sanity.action.document.create': {
      const document = draftFromAttributes(action, index)
      if (view.get(document._id)) {
        if (action.ifExists === 'ignore') return []
        throw conflict(`Document "${document._id}" already exists`, document._id)
      }
      return [put(document, { create: document })]
    }
    case 'sanity.action.document.replaceDraft': {
      const document = draftFromAttributes(action, index)
      return [put(document, { createOrReplace: document })]
    }
    case 'sanity.action.document.edit': {
      const publishedId = requiredId(action, 'publishedId', index)
      const draftId = requiredId(action, 'draftId', index)
      requireDraftOf(draftId, publishedId, index)
      const patch = requiredRecord(action, 'patch', index)
      const draft = view.get(draftId)
      const published = view.get(publishedId)
      if (!draft && !published)
        throw conflict(`Cannot edit "${publishedId}": it has no draft and is not published`, draftId)
      const mutations: Record<string, unknown>[] = []
      let base: StoredDocument
      if (draft) {
        base = draft
      } else {
        // The first edit of a published document starts its draft from the published version.
        const { _rev: _publishedRev, ...copy } = published as StoredDocument
        base = { ...copy, _id: draftId }
        mutations.push({ createIfNotExists: base })
      }
      const patchMutation = { patch: { ...patch, id: draftId } }
      mutations.push(patchMutation)
      const after = applyMutatorMutations(base, [patchMutation], index)
      if (!after) throw invalid(index, 'an edit cannot delete the draft')
      return [{ id: draftId, after: { ...after, _id: draftId, _type: base._type }, mutations }]
    }
    case 'sanity.action.document.publish': {
      const publishedId = requiredId(action, 'publishedId', index)
      const draftId = requiredId(action, 'draftId', index)
      requireDraftOf(draftId, publishedId, index)
      const draft = view.get(draftId)
      const published = view.get(publishedId)
      if (!draft) throw conflict(`Cannot publish "${publishedId}": there is no draft "${draftId}"`, draftId)
      if (action.ifDraftRevisionId !== undefined && action.ifDraftRevisionId !== draft._rev) {
        throw conflict(`The draft "${draftId}" changed since revision "${String(action.ifDraftRevisionId)}"`, draftId)
      }
      if (action.ifPublishedRevisionId !== undefined && action.ifPublishedRevisionId !== published?._rev) {
        throw conflict(
          `The published document "${publishedId}" changed since revision "${String(action.ifPublishedRevisionId)}"`,
          publishedId,
        )
      }
      const { _rev: _draftRev, ...content } = draft
      const document = { ...content, _id: publishedId } as StoredDocument
      return [
        { id: draftId, after: null, mutations: [{ delete: { id: draftId } }] },
        put(document, { createOrReplace: document }),
      ]
    }
    case 'sanity.action.document.unpublish': {
      const publishedId = requiredId(action, 'publishedId', index)
      const draftId = requiredId(action, 'draftId', index)
      requireDraftOf(draftId, publishedId, index)
      const published = view.get(publishedId)
      if (!published) throw conflict(`Cannot unpublish "${publishedId}": it is not published`, publishedId)
      const changes: PlannedChange[] = []
      if (!view.get(draftId)) {
        // What was published stays as a draft, so nothing an editor wrote is lost.
        const { _rev: _publishedRev, ...content } = published
        const draft = { ...content, _id: draftId } as StoredDocument
        changes.push(put(draft, { createIfNotExists: draft }))
      }
      changes.push({ id: publishedId, after: null, mutations: [{ delete: { id: publishedId } }] })
      return changes
    }
    case 'sanity.action.document.discard': {
      const draftId = requiredId(action, 'draftId', index)
      if (!draftId.startsWith(draftPrefix)) throw invalid(index, '"draftId" must be a draft id (drafts.<id>)')
      if (!view.get(draftId)) throw conflict(`Cannot discard "${draftId}": there is no such draft`, draftId)
      return [{ id: draftId, after: null, mutations: [{ delete: { id: draftId } }] }]
    }
    case 'sanity.action.document.delete': {
      const publishedId = requiredId(action, 'publishedId', index)
      const includeDrafts = action.includeDrafts ?? []
      if (!Array.isArray(includeDrafts) || includeDrafts.some((id) => typeof id !== 'string')) {
        throw invalid(index, '"includeDrafts" must be a list of draft ids')
      }
      const ids = [publishedId, ...(includeDrafts as string[])].filter((id) => view.get(id))
      if (ids.length === 0) throw conflict(`Cannot delete "${publishedId}": it does not exist`, publishedId)
      return ids.map((id) => ({ id, after: null, mutations: [{ delete: { id } }] }))
    }
    default:
      throw new LakeError(
        400,
        'validationError',
        `action ${index}: unknown or unsupported actionType ${JSON.stringify(type)} (the local Content Lake has no content releases)`,
      )
  }
}

/** The draft a create or replaceDraft writes: its attributes, under the published id's draft id. */
function draftFromAttributes(action: ActionInput, index: number): StoredDocument {
  const publishedId = requiredId(action, 'publishedId', index)
  const attributes = requiredRecord(action, 'attributes', index)
  const draftId = typeof attributes._id === 'string' ? attributes._id : `${draftPrefix}${publishedId}`
  requireDraftOf(draftId, publishedId, index)
  if (typeof attributes._type !== 'string') throw invalid(index, '"attributes" must have a string "_type"')
  return { ...structuredClone(attributes), _id: draftId, _type: attributes._type } as StoredDocument
}

function put(document: StoredDocument, mutation: Record<string, unknown>): PlannedChange {
  return { id: document._id, after: document, mutations: [mutation] }
}

function requireDraftOf(draftId: string, publishedId: string, index: number): void {
  if (draftId !== `${draftPrefix}${publishedId}`) {
    throw invalid(index, `"${draftId}" is not the draft of "${publishedId}" (expected "${draftPrefix}${publishedId}")`)
  }
}

function requiredId(action: ActionInput, field: string, index: number): string {
  const value = action[field]
  if (typeof value !== 'string' || !validDocumentId(value)) throw invalid(index, `"${field}" must be a document id`)
  return value
}

function requiredRecord(action: ActionInput, field: string, index: number): Record<string, unknown> {
  const value = action[field]
  if (!isRecord(value)) throw invalid(index, `"${field}" must be an object`)
  return value
}

function conflict(message: string, id: string): LakeError {
  return new LakeError(409, 'documentActionError', message, { id })
}

function invalid(index: number, message: string): LakeError {
  return new LakeError(400, 'validationError', `action ${index}: ${message}`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
