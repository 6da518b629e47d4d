import { ConfigurationError } from '@microneedling/content/config'
import { describe, expect, it } from 'vitest'
import { parseSiteEnvironment, previewsAvailable } from '@/lib/env/environmentSchema'

/** The message of the ConfigurationError the environment causes (the test fails if there is none). */
function problemsWith(environment: Record<string, string | undefined>): string {
  try {
    parseSiteEnvironment(environment)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError)
    return (error as Error).message
  }
  throw new Error('expected the environment to be refused')
}

const problemLines = (message: string) => message.split('\n').filter((line) => line.trim().startsWith('- '))

const connected = {
  NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
  NEXT_PUBLIC_SANITY_DATASET: 'production',
  SANITY_API_READ_TOKEN: 'sk-read-token-value',
  SANITY_REVALIDATE_SECRET: 'a-long-random-webhook-secret',
}

describe('parseSiteEnvironment in production', () => {
  it('refuses a missing NEXT_PUBLIC_SITE_URL and a plain-http SANITY_API_HOST, in one message', () => {
    const message = problemsWith({ ...connected, NODE_ENV: 'production', SANITY_API_HOST: 'http://api.example.com' })
    expect(message).toMatch(/NEXT_PUBLIC_SITE_URL: is required in production/)
    expect(message).toMatch(/SANITY_API_HOST: must be https in production/)
    expect(problemLines(message)).toHaveLength(2)
  })

  it('refuses a missing NEXT_PUBLIC_SITE_URL on the embedded dataset too', () => {
    expect(problemsWith({ NODE_ENV: 'production' })).toMatch(/NEXT_PUBLIC_SITE_URL: is required in production/)
  })

  it.each([
    'http://127.0.0.1:4000',
    'http://localhost:4000',
    'http://[::1]:4000',
    'http://api.localhost',
    'https://api.example.com',
  ])('accepts SANITY_API_HOST %s (https, or plain http only on this machine)', (host) => {
    const environment = parseSiteEnvironment({
      ...connected,
      NODE_ENV: 'production',
      NEXT_PUBLIC_SITE_URL: 'https://www.example.com',
      SANITY_API_HOST: host,
    })
    expect(environment.SANITY_API_HOST).toBe(host)
  })

  it('still lets a developer run without a site URL outside production', () => {
    expect(parseSiteEnvironment({ NODE_ENV: 'development' }).NEXT_PUBLIC_SITE_URL).toBe('http://localhost:3000')
  })
})

describe('parseSiteEnvironment', () => {
  it('accepts an empty environment: the embedded dataset at http://localhost:3000', () => {
    const environment = parseSiteEnvironment({})
    expect(environment.NEXT_PUBLIC_SITE_URL).toBe('http://localhost:3000')
    expect(environment.NEXT_PUBLIC_SANITY_PROJECT_ID).toBeUndefined()
    expect(previewsAvailable(environment)).toBe(false)
  })

  it('accepts a production site on a Sanity project, and trims the site URL', () => {
    const environment = parseSiteEnvironment({
      ...connected,
      NODE_ENV: 'production',
      NEXT_PUBLIC_SITE_URL: 'https://www.example.com/',
      SANITY_STUDIO_URL: 'https://example.sanity.studio',
      SANITY_API_TIMEOUT_MS: '1500',
    })
    expect(environment.NEXT_PUBLIC_SITE_URL).toBe('https://www.example.com')
    expect(environment.SANITY_API_TIMEOUT_MS).toBe(1500)
    expect(previewsAvailable(environment)).toBe(true)
  })

  it('names every problem in one error, one line each', () => {
    const message = problemsWith({
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
      NEXT_PUBLIC_SITE_URL: 'www.example.com',
      SANITY_REVALIDATE_SECRET: 'short',
      SANITY_STUDIO_URL: 'ftp://studio.example.com',
      SANITY_API_TIMEOUT_MS: 'soon',
    })
    expect(message).toMatch(/NEXT_PUBLIC_SANITY_DATASET: is required when NEXT_PUBLIC_SANITY_PROJECT_ID is set/)
    expect(message).toMatch(/NEXT_PUBLIC_SITE_URL: must be an absolute http\(s\) URL/)
    expect(message).toMatch(/SANITY_REVALIDATE_SECRET: must be at least 16 characters/)
    expect(message).toMatch(/SANITY_STUDIO_URL: must be an absolute http\(s\) URL/)
    expect(message).toMatch(/SANITY_API_TIMEOUT_MS: must be a whole number of milliseconds/)
    expect(problemLines(message)).toHaveLength(5)
  })

  it('refuses server-side Sanity settings without a project, naming each of them', () => {
    const message = problemsWith({
      SANITY_API_READ_TOKEN: 'sk-read-token-value',
      SANITY_REVALIDATE_SECRET: 'a-long-random-webhook-secret',
      SANITY_API_HOST: 'http://127.0.0.1:4000',
    })
    for (const name of ['SANITY_API_READ_TOKEN', 'SANITY_REVALIDATE_SECRET', 'SANITY_API_HOST']) {
      expect(message).toContain(`${name}: is set, but NEXT_PUBLIC_SANITY_PROJECT_ID is not`)
    }
    expect(problemLines(message)).toHaveLength(3)
  })

  it('requires the webhook secret in production on a Sanity project, since nothing else refreshes pages', () => {
    const { SANITY_REVALIDATE_SECRET: _secret, ...withoutSecret } = connected
    expect(problemsWith({ ...withoutSecret, NODE_ENV: 'production' })).toMatch(
      /SANITY_REVALIDATE_SECRET: is required in production when NEXT_PUBLIC_SANITY_PROJECT_ID is set/,
    )
    // `next dev` against a project works without webhooks.
    expect(parseSiteEnvironment({ ...withoutSecret, NODE_ENV: 'development' }).SANITY_REVALIDATE_SECRET).toBeUndefined()
  })

  it('never repeats a secret value in its message', () => {
    const message = problemsWith({ SANITY_API_READ_TOKEN: 'sk-very-secret-token', SANITY_REVALIDATE_SECRET: 'tiny' })
    expect(message).not.toContain('sk-very-secret-token')
    expect(message).not.toContain('tiny')
  })

  it('treats blank values as unset, as "NAME=" in a .env file means', () => {
    expect(
      parseSiteEnvironment({ NEXT_PUBLIC_SANITY_PROJECT_ID: ' ', SANITY_API_READ_TOKEN: '', NEXT_PUBLIC_SITE_URL: '' }),
    ).toMatchObject({
      NEXT_PUBLIC_SITE_URL: 'http://localhost:3000',
    })
  })
})

describe('click, reports and link-check settings', () => {
  it('accepts them, numbers as numbers', () => {
    const environment = parseSiteEnvironment({
      DATABASE_URL: 'postgres://clicks:pw@db.internal:5432/needlenotes',
      REPORTS_SECRET: 'a-long-random-reports-secret',
      CLICKS_RETENTION_DAYS: '90',
      PRICE_STALE_DAYS: '14',
      CLICKS_RECORDING: 'off',
      LINK_CHECK_TIMEOUT_MS: '5000',
    })
    expect(environment).toMatchObject({ CLICKS_RETENTION_DAYS: 90, PRICE_STALE_DAYS: 14, LINK_CHECK_TIMEOUT_MS: 5000 })
  })

  it('names each malformed one, and never shows a secret', () => {
    const message = problemsWith({
      DATABASE_URL: 'mysql://root@localhost/db',
      REPORTS_SECRET: 'short-secret',
      CLICKS_RETENTION_DAYS: 'forever',
      PRICE_STALE_DAYS: '0',
      CLICKS_RECORDING: 'maybe',
    })
    expect(problemLines(message)).toHaveLength(5)
    expect(message).toMatch(/DATABASE_URL.*PostgreSQL URL/)
    expect(message).toMatch(/REPORTS_SECRET.*at least 16 characters/)
    expect(message).not.toContain('short-secret')
  })
})

describe('several servers (REDIS_URL)', () => {
  it('refuses REDIS_URL on the embedded PGlite database: several servers need one PostgreSQL', () => {
    const message = problemsWith({ REDIS_URL: 'redis://localhost:6379' })
    expect(message).toMatch(/DATABASE_URL: is required with REDIS_URL/)
    expect(problemLines(message)).toHaveLength(1)
  })

  it('accepts REDIS_URL with DATABASE_URL, and refuses what is not a Redis URL or a usable deadline', () => {
    const database = { DATABASE_URL: 'postgres://site@db:5432/site' }
    expect(parseSiteEnvironment({ ...database, REDIS_URL: 'rediss://cache:6380' }).REDIS_URL).toBe(
      'rediss://cache:6380',
    )
    expect(problemsWith({ ...database, REDIS_URL: 'http://cache:6379' })).toMatch(/REDIS_URL: must be a Redis URL/)
    expect(problemsWith({ ...database, REDIS_URL: 'redis://cache:6379', REDIS_TIMEOUT_MS: '5' })).toMatch(
      /REDIS_TIMEOUT_MS: must be a number of milliseconds, at least 10/,
    )
  })
})
