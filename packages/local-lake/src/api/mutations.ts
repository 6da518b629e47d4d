import type { StoredDocument } from '@microneedling/content/source/ndjson'
import { Mutation } from '@sanity/mutator'
import { uuid } from '@sanity/uuid'
import { parse } from 'groq-js'
import { idsSelectedBy } from '../groq/evaluateFilter.ts'
import { LakeError } from '../lakeError.ts'
import type { PlannedChange, TransactionView } from '../store/documentStore.ts'

/**
 * The mutate API (`POST /data/mutate/<dataset>`): create, createIfNotExists, createOrReplace,
 * delete and patch (by id or by query), applied in order as one transaction. Patches are applied by
 * @sanity/mutator, the same code the Studio uses to apply them in the browser; `ifRevisionID` is
 * checked first, and a mismatch refuses the whole transaction with 409 as the Content Lake does.
 */

export interface MutationResult {
  id: string
  operation: 'create' | 'update' | 'delete' | 'none'
}

const mutationKinds = ['create', 'createIfNotExists', 'createOrReplace', 'delete', 'patch'] as const
type MutationKind = (typeof mutationKinds)[number]

export function planMutations(
  mutations: unknown,
  storeView: TransactionView,
): { changes: PlannedChange[]; results: MutationResult[] } {
  const view = stagingView(storeView)
  if (!Array.isArray(mutations) || mutations.length === 0) {
    throw new LakeError(
      400,
      'validationError',
      'The request body must be {"mutations": [ ... ]} with at least one mutation',
    )
  }
  const changes: PlannedChange[] = []
  const results: MutationResult[] = []
  mutations.forEach((mutation, index) => {
    const [kind, body] = readMutation(mutation, index)
    for (const { planned, result } of planOne(kind, body, view, index)) {
      results.push(result)
      if (!planned) continue
      changes.push(planned)
      // Later mutations in the same transaction see this one's outcome.
      view.stage(planned)
    }
  })
  return { changes, results }
}

/** The view a plan of several mutations reads: the store's, plus what earlier mutations did. */
interface StagingView extends TransactionView {
  stage(change: PlannedChange): void
}

/** Wraps a view so that mutations planned in a row see each other. */
export function stagingView(view: TransactionView): StagingView {
  const staged = new Map<string, StoredDocument | null>()
  return {
    get: (id) => (staged.has(id) ? (staged.get(id) ?? undefined) : view.get(id)),
    *all() {
      for (const document of view.all()) if (!staged.has(document._id)) yield document
      for (const document of staged.values()) if (document) yield document
    },
    stage(change) {
      staged.set(change.id, change.after)
    },
  }
}

function readMutation(mutation: unknown, index: number): [MutationKind, Record<string, unknown>] {
  if (!isRecord(mutation)) throw invalid(index, 'each mutation must be an object such as {"create": {...}}')
  const keys = Object.keys(mutation)
  const kind = keys[0] as MutationKind
  if (keys.length !== 1 || !mutationKinds.includes(kind)) {
    throw invalid(index, `unknown mutation "${keys.join(', ')}": expected one of ${mutationKinds.join(', ')}`)
  }
  const body = mutation[kind]
  if (!isRecord(body)) throw invalid(index, `"${kind}" must be an object`)
  return [kind, body]
}

function planOne(
  kind: MutationKind,
  body: Record<string, unknown>,
  view: TransactionView,
  index: number,
): { planned: PlannedChange | null; result: MutationResult }[] {
  switch (kind) {
    case 'create': {
      const document = documentBody(body, index, { generateId: true })
      if (view.get(document._id)) {
        throw new LakeError(409, 'mutationError', `Document by ID "${document._id}" already exists`, {
          items: [
            { error: { id: document._id, type: 'documentAlreadyExistsError', description: 'Document already exists' } },
          ],
        })
      }
      return [written(document, { create: document }, 'create')]
    }
    case 'createIfNotExists': {
      const document = documentBody(body, index, { generateId: false })
      if (view.get(document._id)) return [{ planned: null, result: { id: document._id, operation: 'none' } }]
      return [written(document, { createIfNotExists: document }, 'create')]
    }
    case 'createOrReplace': {
      const document = documentBody(body, index, { generateId: false })
      const operation = view.get(document._id) ? 'update' : 'create'
      return [written(document, { createOrReplace: document }, operation)]
    }
    case 'delete': {
      return targets(body, view, index).map((id) => ({
        planned: view.get(id) ? { id, after: null, mutations: [{ delete: { id } }] } : null,
        result: { id, operation: view.get(id) ? ('delete' as const) : ('none' as const) },
      }))
    }
    case 'patch': {
      const ids = targets(body, view, index)
      return ids.map((id) => {
        const current = view.get(id)
        if (!current) {
          throw new LakeError(404, 'documentNotFoundError', `The document with the ID "${id}" was not found`, {
            id,
          })
        }
        checkRevision(body, current)
        const { query: _query, ifRevisionID: _ifRevisionID, ...patch } = body
        const patchForDocument = { ...patch, id }
        const after = applyMutatorMutations(current, [{ patch: patchForDocument }], index)
        if (!after) throw invalid(index, 'a patch cannot delete a document')
        return {
          planned: { id, after: { ...after, _id: id, _type: current._type }, mutations: [{ patch: patchForDocument }] },
          result: { id, operation: 'update' as const },
        }
      })
    }
  }
}

function written(
  document: StoredDocument,
  mutation: Record<string, unknown>,
  operation: MutationResult['operation'],
): { planned: PlannedChange; result: MutationResult } {
  return {
    planned: { id: document._id, after: document, mutations: [mutation] },
    result: { id: document._id, operation },
  }
}

/** Ids a delete or patch applies to: `id`, or every document a GROQ filter `query` selects. */
function targets(body: Record<string, unknown>, view: TransactionView, index: number): string[] {
  if (typeof body.id === 'string' && body.id) return [body.id]
  if (typeof body.query === 'string') {
    let tree: ReturnType<typeof parse>
    try {
      tree = parse(body.query, { params: isRecord(body.params) ? body.params : {} })
    } catch (error) {
      throw new LakeError(400, 'queryParseError', `mutation ${index}: ${(error as Error).message}`)
    }
    try {
      return idsSelectedBy(tree, [...view.all()])
    } catch (error) {
      throw new LakeError(400, 'queryParseError', `mutation ${index}: ${(error as Error).message}`)
    }
  }
  throw invalid(index, 'a delete or patch needs an "id" (or a "query")')
}

function checkRevision(body: Record<string, unknown>, current: StoredDocument): void {
  if (body.ifRevisionID === undefined) return
  if (body.ifRevisionID !== current._rev) {
    throw new LakeError(
      409,
      'mutationError',
      `The mutation(s) failed: Document by ID "${current._id}" has unexpected revision ID ("${String(current._rev)}"), blocking mutation`,
      { items: [{ error: { id: current._id, type: 'conflict', description: 'Revision mismatch' } }] },
    )
  }
}

function documentBody(body: Record<string, unknown>, index: number, options: { generateId: boolean }): StoredDocument {
  if (typeof body._type !== 'string' || body._type === '')
    throw invalid(index, 'the document must have a string "_type"')
  let id = body._id
  if (id === undefined && options.generateId) id = uuid()
  // `drafts.` alone asks for a new draft id, as the Content Lake allows.
  if (typeof id === 'string' && id.endsWith('.') && options.generateId) id = `${id}${uuid()}`
  if (typeof id !== 'string' || !validDocumentId(id)) {
    throw invalid(index, `"_id" must be a string of letters, digits and . - _ (at most 128 characters)`)
  }
  const { _rev: _ignoredRev, ...rest } = structuredClone(body)
  return { ...rest, _id: id, _type: body._type }
}

export function validDocumentId(id: string): boolean {
  return /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/.test(id) && !id.includes('..')
}

/** Applies mutations with @sanity/mutator, on a copy (the mutator assigns into what it is given). */
export function applyMutatorMutations(
  document: StoredDocument | null,
  mutations: Record<string, unknown>[],
  index: number,
): StoredDocument | null {
  try {
    const mutation = new Mutation({ mutations: structuredClone(mutations) as never })
    return mutation.apply(document ? (structuredClone(document) as never) : null) as StoredDocument | null
  } catch (error) {
    throw invalid(index, `the patch could not be applied: ${(error as Error).message}`)
  }
}

function invalid(index: number, message: string): LakeError {
  return new LakeError(400, 'validationError', `mutation ${index}: ${message}`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
