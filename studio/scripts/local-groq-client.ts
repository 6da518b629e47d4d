import { createIndexedDataset, type IndexedDataset } from '@microneedling/content/check'
import type { SanityClient, SanityDocument } from 'sanity'

/**
 * A stand-in for the Sanity client that answers GROQ queries from documents in memory, with
 * groq-js (the engine behind the site's embedded dataset). Validation rules that query the
 * Content Lake (slug uniqueness, offer hosts) then run offline against the documents being checked.
 * Every client derived from it (`withConfig`, `clone`) shares one indexed copy of the documents,
 * because validation asks for a derived client for each slug it checks.
 *
 * It implements the part of the client those rules use: `fetch`, `withConfig`, `config` and
 * `clone`. Anything else throws, so a rule that starts to need more fails loudly here.
 */

type SupportedPerspective = 'raw' | 'published'

interface LocalClientConfig {
  projectId: string
  dataset: string
  apiVersion: string
  perspective: SupportedPerspective
  [option: string]: unknown
}

/**
 * Building a workspace reads the client's config (for example the API URL its realtime socket
 * would use); nothing connects, because validation only calls `fetch`.
 */
function configWithUrl(config: LocalClientConfig) {
  return { ...config, useCdn: false, url: `https://${config.projectId}.api.sanity.io/v${config.apiVersion}` }
}

interface FetchOptions {
  perspective?: unknown
}

function supportedPerspective(perspective: unknown, fallback: SupportedPerspective): SupportedPerspective {
  if (perspective === undefined) return fallback
  if (perspective === 'raw' || perspective === 'published') return perspective
  throw new Error(
    `The local GROQ client answers only the "raw" and "published" perspectives, not ${JSON.stringify(perspective)}.`,
  )
}

export function createLocalGroqClient(documents: readonly SanityDocument[], config: LocalClientConfig): SanityClient {
  return createClient(createIndexedDataset(documents), config)
}

function createClient(dataset: IndexedDataset, config: LocalClientConfig): SanityClient {
  async function fetch(query: string, params: Record<string, unknown> = {}, options: FetchOptions = {}) {
    return dataset.query(query, params, supportedPerspective(options.perspective, config.perspective))
  }

  const withConfig = (overrides: Partial<LocalClientConfig> = {}) =>
    createClient(dataset, {
      ...config,
      ...overrides,
      perspective: supportedPerspective(overrides.perspective, config.perspective),
    })

  const client = {
    fetch,
    withConfig,
    clone: () => createClient(dataset, config),
    config: (overrides?: Partial<LocalClientConfig>) => (overrides ? withConfig(overrides) : configWithUrl(config)),
  }

  return new Proxy(client, {
    get(target, property, receiver) {
      if (property in target || typeof property === 'symbol' || property === 'then') {
        return Reflect.get(target, property, receiver)
      }
      throw new Error(`The local GROQ client does not implement client.${String(property)}.`)
    },
  }) as unknown as SanityClient
}
