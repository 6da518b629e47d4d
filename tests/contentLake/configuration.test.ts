import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { testSecrets } from '../support/contentLakeSite.ts'
import { nextProcessEnvironment, runNext } from '../support/nextProcess.ts'
import { webDir } from '../support/paths.ts'

/**
 * The site's configuration: secrets stay on the server, and a broken configuration stops the
 * server at start-up with every problem named.
 */

const build = inject('contentLakeSite')

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

describe('secrets', () => {
  it('never reach the browser: no file the build serves to browsers contains the read token or the webhook secret', async () => {
    expect(build.buildFailure).toBeNull()
    // `static/` is everything a browser can download; the build used the test values of both secrets.
    const files = await filesUnder(join(webDir, build.distDir, 'static'))
    const scripts = files.filter((file) => file.endsWith('.js'))
    expect(scripts.length).toBeGreaterThan(5)
    const leaks: string[] = []
    let sawFrameworkCode = false
    for (const file of files) {
      const text = await readFile(file, 'utf8')
      sawFrameworkCode ||= text.includes('NEXT_REDIRECT')
      for (const [name, value] of Object.entries(testSecrets))
        if (text.includes(value)) leaks.push(`${name} in ${file}`)
    }
    // The search reads the real bundles (which do contain Next's own code)...
    expect(sawFrameworkCode).toBe(true)
    // ...and finds neither secret in them.
    expect(leaks).toEqual([])
  })
})

/** `next start` with this environment: its exit code within 30 seconds (or 'still running') and its output. */
async function startWith(environment: NodeJS.ProcessEnv) {
  const next = runNext(['start', '--hostname', '127.0.0.1', '--port', '0'], environment)
  const code = await Promise.race([
    next.exited,
    new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 30_000)),
  ])
  await next.stop()
  return { code, output: next.output() }
}

describe('start-up', () => {
  it('a broken configuration stops `next start` at once, naming every problem in one message', async () => {
    const { code, output } = await startWith(
      nextProcessEnvironment({
        NEXT_DIST_DIR: build.distDir,
        NEXT_PUBLIC_SANITY_PROJECT_ID: 'local',
        NEXT_PUBLIC_SITE_URL: 'www.example.com',
        SANITY_API_TIMEOUT_MS: 'soon',
        SANITY_API_READ_TOKEN: testSecrets.readToken,
      }),
    )
    expect(code).toBe(1)
    expect(output).toContain('Invalid site configuration (see web/.env.example):')
    expect(output).toMatch(/- NEXT_PUBLIC_SANITY_DATASET: is required when NEXT_PUBLIC_SANITY_PROJECT_ID is set/)
    expect(output).toMatch(/- NEXT_PUBLIC_SITE_URL: must be an absolute http\(s\) URL/)
    expect(output).toMatch(/- SANITY_API_TIMEOUT_MS: must be a whole number of milliseconds/)
    expect(output).toMatch(/- SANITY_REVALIDATE_SECRET: is required in production/)
    expect(output).not.toContain(testSecrets.readToken)
  })
  it('a production server without its public address, or reading the Content Lake over plain http, stops with both named', async () => {
    const environment = nextProcessEnvironment({
      NEXT_DIST_DIR: build.distDir,
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'local',
      NEXT_PUBLIC_SANITY_DATASET: 'production',
      SANITY_API_HOST: 'http://content.example.com',
      SANITY_API_READ_TOKEN: testSecrets.readToken,
      SANITY_REVALIDATE_SECRET: testSecrets.revalidateSecret,
    })
    delete environment.NEXT_PUBLIC_SITE_URL
    const { code, output } = await startWith(environment)
    expect(code).toBe(1)
    expect(output).toContain('Invalid site configuration (see web/.env.example):')
    expect(output).toMatch(/- NEXT_PUBLIC_SITE_URL: is required in production/)
    expect(output).toMatch(/- SANITY_API_HOST: must be https in production/)
  })
  it('a server told to share Redis with others (REDIS_URL) refuses to start on its own PGlite database', async () => {
    const { code, output } = await startWith(
      nextProcessEnvironment({ NEXT_DIST_DIR: build.distDir, REDIS_URL: 'redis://127.0.0.1:1' }),
    )
    expect(code).toBe(1)
    expect(output).toMatch(/- DATABASE_URL: is required with REDIS_URL/)
  })
})
