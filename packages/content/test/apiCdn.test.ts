import { describe, expect, it } from 'vitest'
import { contentLakeSettings, parseContentEnvironment } from '../src/config.ts'
import { createContentLakeClient } from '../src/source/contentLake.ts'

/**
 * The site caches published answers itself (Next's data cache, expired by tag when the signed
 * webhook arrives). Sanity's guidance for tag-based revalidation: read from the API, not the API
 * CDN, or the render just after a webhook can get the CDN's older copy and keep it until the next
 * publish. (tests/contentLake/revalidation.test.ts checks the read after a webhook end to end.)
 */

describe('published reads on a Sanity project', () => {
  it('go to the live API (<project>.api.sanity.io), never the API CDN (apicdn.sanity.io)', () => {
    const settings = contentLakeSettings(
      parseContentEnvironment({ NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123', NEXT_PUBLIC_SANITY_DATASET: 'production' }),
    )
    expect(settings.useCdn).toBe(false)
    const client = createContentLakeClient(settings)
    expect(client.config().useCdn).toBe(false)
    // The URL a published query is sent to, as the client builds it.
    expect(new URL(client.getUrl('/data/query/production', client.config().useCdn)).hostname).toBe(
      'abc123.api.sanity.io',
    )
  })

  it('on another API host (a proxy, or the local Content Lake) too', () => {
    const settings = contentLakeSettings(
      parseContentEnvironment({
        NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
        NEXT_PUBLIC_SANITY_DATASET: 'production',
        SANITY_API_HOST: 'https://sanity-proxy.example.com',
      }),
    )
    expect(settings.useCdn).toBe(false)
  })
})
