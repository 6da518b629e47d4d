import { defaultApiVersion } from '@microneedling/content/apiVersion'
import {
  type CurrentUser,
  createWorkspaceFromConfig,
  pathToString,
  type SanityDocument,
  type SchemaType,
  type ValidationMarker,
  validateDocument,
  type Workspace,
} from 'sanity'

import { placeholderProjectId } from '../environment.ts'
import { schemaTypes } from '../schemaTypes/index.ts'
import { createLocalGroqClient } from './local-groq-client.ts'

/**
 * Runs the Studio's own validation rules (Sanity's `validateDocument` with this schema) over a
 * set of documents, without a network: references, slug uniqueness and offer hosts are all
 * answered from the same set. `sanity documents validate` would do this against the Content Lake,
 * but it needs a login, which the machines here cannot get.
 *
 * `sanity` imports CSS, so run this in vitest (see vitest.config.ts) or in Node with
 * `--import ./scripts/register-sanity-stub-loader.ts` (as `pnpm content:check` does).
 */

export interface DocumentValidationProblem {
  documentId: string
  path: string
  level: 'error' | 'warning' | 'info'
  message: string
}

/** Hidden-field conditions and permissions see this user; none of this schema depends on it. */
const validatingUser: CurrentUser = {
  id: 'studio-validate-documents',
  name: 'Document validation script',
  email: 'validate-documents@localhost',
  role: 'administrator',
  roles: [{ name: 'administrator', title: 'Administrator' }],
}

const projectId = placeholderProjectId
const dataset = 'local'

/** The message of the unknown-field check Sanity adds outside the Studio (sanity@6.8.0). */
const unknownFieldMessage = /^Field '.+' does not exist on type '.+'$/

type GetDocumentExists = (options: { id: string }) => Promise<boolean>

function toProblem(documentId: string, marker: ValidationMarker): DocumentValidationProblem {
  return { documentId, path: pathToString(marker.path), level: marker.level, message: marker.message }
}

/**
 * Two passes, because Sanity's two environments each get one thing right. The "studio" pass gives
 * the verdict editors see, which decides whether they can publish. The "cli" pass also reports
 * fields the schema does not know, but it does so by re-levelling every rule on an object value
 * (a slug, a reference, `needleSpec`) as a warning, so only its unknown-field markers are kept.
 * It costs as much as the first, so it runs only for a document that has a key its schema may
 * not declare.
 */
async function validateOne(
  document: SanityDocument,
  workspace: Workspace,
  getDocumentExists: GetDocumentExists,
): Promise<DocumentValidationProblem[]> {
  const documentType = workspace.schema.get(document._type)
  if (!documentType) {
    return [
      {
        documentId: document._id,
        path: '',
        level: 'error',
        message: `The Studio has no document type "${document._type}".`,
      },
    ]
  }
  const [studioMarkers, cliMarkers] = await Promise.all([
    validateDocument({ document, workspace, getDocumentExists, environment: 'studio' }),
    mayHaveUnknownFields(document, documentType)
      ? validateDocument({ document, workspace, getDocumentExists, environment: 'cli' })
      : [],
  ])
  const unknownFieldMarkers = cliMarkers.filter((marker) => unknownFieldMessage.test(marker.message))
  return [...studioMarkers, ...unknownFieldMarkers].map((marker) => toProblem(document._id, marker))
}

/**
 * Whether a value has, at any depth, a key (not starting with `_`) that the schema type of the
 * object holding it does not declare. It walks the value the way Sanity's validation does
 * (object fields, array items by `_type`); where it cannot tell an item's type, it answers true,
 * so the "cli" pass is skipped only for documents it could not report on.
 */
function mayHaveUnknownFields(value: unknown, type: SchemaType): boolean {
  if (Array.isArray(value)) {
    if (type.jsonType !== 'array' || !('of' in type)) return false
    return value.some((item) => {
      if (!isRecord(item) && !Array.isArray(item)) return false
      const itemType = arrayItemType(item, type.of)
      return itemType ? mayHaveUnknownFields(item, itemType) : true
    })
  }
  if (!isRecord(value) || type.jsonType !== 'object') return false
  // Sanity's check treats an object type without a field list as declaring none.
  const fields = ('fields' in type ? type.fields : undefined) ?? []
  const fieldNames = new Set(fields.map((field) => field.name))
  if (Object.keys(value).some((key) => !key.startsWith('_') && !fieldNames.has(key))) return true
  return fields.some((field) => mayHaveUnknownFields(value[field.name], field.type))
}

/** The member type Sanity validates an array item with (its `resolveTypeForArrayItem`, for objects). */
function arrayItemType(item: unknown, candidates: readonly SchemaType[]): SchemaType | undefined {
  if (candidates.length === 1) return candidates[0]
  const itemType = isRecord(item) ? item._type : undefined
  if (typeof itemType !== 'string') return undefined
  return (
    candidates.find((candidate) => candidate.type?.name === itemType) ??
    candidates.find((candidate) => candidate.name === itemType)
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Documents validated at the same time. Sanity waits a timer tick between the rules of a document,
 * so several must be in flight to keep a core busy; more than about 20 only add garbage
 * collection, as each holds its whole tree of pending rules.
 */
const concurrentDocuments = 20

export interface StudioValidator {
  /** Validates these documents (all from the set the validator was made for), problems in document order. */
  validate(documents: readonly SanityDocument[]): Promise<DocumentValidationProblem[]>
}

/**
 * Builds the Studio workspace, the offline client and the set of published ids once for a whole
 * dataset; `validate` can then check any part of it (a worker thread checks its share this way).
 */
export async function createStudioValidator(allDocuments: readonly SanityDocument[]): Promise<StudioValidator> {
  const client = createLocalGroqClient(allDocuments, {
    projectId,
    dataset,
    apiVersion: defaultApiVersion,
    perspective: 'published',
  })
  const workspace = await createWorkspaceFromConfig({
    name: 'validate-documents',
    projectId,
    dataset,
    schema: { types: schemaTypes },
    currentUser: validatingUser,
    getClient: () => client,
  })

  // A reference must point at a published document, as Sanity checks when publishing.
  const publishedIds = new Set(allDocuments.map((document) => document._id))
  const getDocumentExists: GetDocumentExists = async ({ id }) => publishedIds.has(id)

  return {
    async validate(documents) {
      const problemsByDocument: DocumentValidationProblem[][] = new Array(documents.length)
      let next = 0
      async function validateNext(): Promise<void> {
        for (let index = next++; index < documents.length; index = next++) {
          problemsByDocument[index] = await validateOne(documents[index]!, workspace, getDocumentExists)
        }
      }
      await Promise.all(Array.from({ length: Math.min(concurrentDocuments, documents.length) }, validateNext))
      return problemsByDocument.flat()
    },
  }
}

export async function validateDocumentsWithStudioRules(
  documents: SanityDocument[],
): Promise<DocumentValidationProblem[]> {
  return (await createStudioValidator(documents)).validate(documents)
}
