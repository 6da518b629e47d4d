import { defaultApiVersion } from '@microneedling/content/apiVersion'
import {
  type CurrentUser,
  createWorkspaceFromConfig,
  pathToString,
  type SanityDocument,
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
 */
async function validateOne(
  document: SanityDocument,
  workspace: Workspace,
  getDocumentExists: GetDocumentExists,
): Promise<DocumentValidationProblem[]> {
  if (!workspace.schema.get(document._type)) {
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
    validateDocument({ document, workspace, getDocumentExists, environment: 'cli' }),
  ])
  const unknownFieldMarkers = cliMarkers.filter((marker) => unknownFieldMessage.test(marker.message))
  return [...studioMarkers, ...unknownFieldMarkers].map((marker) => toProblem(document._id, marker))
}

export async function validateDocumentsWithStudioRules(
  documents: SanityDocument[],
): Promise<DocumentValidationProblem[]> {
  const client = createLocalGroqClient(documents, {
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
  const publishedIds = new Set(documents.map((document) => document._id))
  const getDocumentExists: GetDocumentExists = async ({ id }) => publishedIds.has(id)

  const problemsByDocument = await Promise.all(
    documents.map((document) => validateOne(document, workspace, getDocumentExists)),
  )
  return problemsByDocument.flat()
}
