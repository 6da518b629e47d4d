import { describe, expect, it } from 'vitest'
import { ConfigurationError, createContentSource, parseContentEnvironment, sampleDatasetPath } from '../src/config.ts'

/** Runs `parseContentEnvironment` and returns the error message it throws (the test fails if it does not). */
function configurationErrorFor(environment: Record<string, string | undefined>): string {
  try {
    parseContentEnvironment(environment)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError)
    return (error as Error).message
  }
  throw new Error('expected parseContentEnvironment to reject the environment')
}

describe('parseContentEnvironment', () => {
  it('accepts an empty environment: the site then runs on the embedded sample dataset', () => {
    expect(parseContentEnvironment({})).toEqual({})
    expect(createContentSource(parseContentEnvironment({})).kind).toBe('embedded')
  })

  it('treats empty and blank strings as unset, as a .env file with "NAME=" means', () => {
    expect(parseContentEnvironment({ NEXT_PUBLIC_SANITY_PROJECT_ID: '', SANITY_API_HOST: '   ' })).toEqual({})
  })

  it('accepts a complete Content Lake configuration and chooses the Content Lake source', () => {
    const environment = parseContentEnvironment({
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
      NEXT_PUBLIC_SANITY_DATASET: 'production',
      NEXT_PUBLIC_SANITY_API_VERSION: '2025-02-19',
      SANITY_API_READ_TOKEN: 'secret',
      SANITY_API_HOST: 'http://127.0.0.1:4000',
    })
    expect(environment).toMatchObject({
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
      NEXT_PUBLIC_SANITY_DATASET: 'production',
    })
    expect(createContentSource(environment).kind).toBe('content-lake')
  })

  it('lists every bad variable in one error, so a deploy is fixed in one go', () => {
    const message = configurationErrorFor({
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'Not A Project!',
      NEXT_PUBLIC_SANITY_DATASET: 'Production Data',
      NEXT_PUBLIC_SANITY_API_VERSION: 'latest',
      SANITY_API_HOST: 'ftp://example.com',
    })
    expect(message).toMatch(/NEXT_PUBLIC_SANITY_PROJECT_ID: must be a Sanity project id/)
    expect(message).toMatch(/NEXT_PUBLIC_SANITY_DATASET: must be a dataset name/)
    expect(message).toMatch(/NEXT_PUBLIC_SANITY_API_VERSION: must be a date, YYYY-MM-DD/)
    expect(message).toMatch(/SANITY_API_HOST: must be an http\(s\) URL/)
    // One line per problem, each naming its variable.
    expect(message.split('\n').filter((line) => line.trim().startsWith('- '))).toHaveLength(4)
  })

  it('names the missing dataset alongside other problems when a project id is set', () => {
    const message = configurationErrorFor({
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
      NEXT_PUBLIC_SANITY_API_VERSION: '19-02-2025',
    })
    expect(message).toMatch(/NEXT_PUBLIC_SANITY_DATASET: is required when NEXT_PUBLIC_SANITY_PROJECT_ID is set/)
    expect(message).toMatch(/NEXT_PUBLIC_SANITY_API_VERSION: must be a date/)
  })

  it('never echoes the read token in its error', () => {
    const message = configurationErrorFor({
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
      SANITY_API_READ_TOKEN: 'sk-very-secret-token',
    })
    expect(message).not.toContain('sk-very-secret-token')
  })
})

describe('parseContentEnvironment: settings that need a project', () => {
  it('refuses the token, API host and timeout without a project id, naming each, alongside other problems', () => {
    const message = configurationErrorFor({
      SANITY_API_READ_TOKEN: 'sk-very-secret-token',
      SANITY_API_HOST: 'http://127.0.0.1:4000',
      SANITY_API_TIMEOUT_MS: 'soon',
    })
    expect(message).toMatch(/SANITY_API_READ_TOKEN: is set, but NEXT_PUBLIC_SANITY_PROJECT_ID is not/)
    expect(message).toMatch(/SANITY_API_HOST: is set, but NEXT_PUBLIC_SANITY_PROJECT_ID is not/)
    expect(message).toMatch(/SANITY_API_TIMEOUT_MS: must be a whole number of milliseconds/)
    expect(message).not.toContain('sk-very-secret-token')
  })

  it('reads the query timeout as milliseconds', () => {
    const environment = parseContentEnvironment({
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
      NEXT_PUBLIC_SANITY_DATASET: 'production',
      SANITY_API_TIMEOUT_MS: '1500',
    })
    expect(environment.SANITY_API_TIMEOUT_MS).toBe(1500)
  })
})

describe('sampleDatasetPath', () => {
  it('points at the sample dataset shipped in this package', () => {
    expect(sampleDatasetPath).toMatch(/packages\/content\/sample\/dataset\.ndjson$/)
  })
})
