import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startLocalLake } from '@microneedling/local-lake'
import { siteEnvironmentFor, studioEnvironmentFor } from '@microneedling/local-lake/editingEnvironment'
import { lakeSettingsFromEnvironment } from '@microneedling/local-lake/settings'
import nextEnv from '@next/env'

/**
 * `pnpm dev`. With a Sanity project configured (NEXT_PUBLIC_SANITY_PROJECT_ID in the environment
 * or web/.env.local), the site alone, on that project. Without one, the whole product on this
 * machine: the local Content Lake over its export file (seeded from the sample on first run), the
 * site reading it, and the Studio editing it with no account, each refreshing the other as in
 * production (the lake sends the signed webhook to the site).
 */

const root = fileURLToPath(new URL('..', import.meta.url))
const sitePort = Number(process.env.PORT) || 3000
const studioPort = Number(process.env.STUDIO_PORT) || 3333
const children: ChildProcess[] = []

function run(filter: string, args: string[], env: Record<string, string>): ChildProcess {
  // The pnpm that runs this script, whether on the PATH or started through npx.
  const pnpm = process.env.npm_execpath
  const [command, prefix] = pnpm && /\.c?js$/.test(pnpm) ? [process.execPath, [pnpm]] : [pnpm || 'pnpm', [] as string[]]
  const child = spawn(command, [...prefix, '--filter', filter, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'inherit',
    detached: true,
  })
  children.push(child)
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(`${filter} stopped (exit code ${code}); stopping the rest`)
      void stop(code ?? 1)
    }
  })
  return child
}

let stopping = false
let closeLake: (() => Promise<void>) | undefined
async function stop(code: number) {
  if (stopping) return
  stopping = true
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  await closeLake?.()
  process.exit(code)
}
process.once('SIGINT', () => void stop(0))
process.once('SIGTERM', () => void stop(0))

const { combinedEnv } = nextEnv.loadEnvConfig(join(root, 'web'), true, { info: () => {}, error: console.error })
if (combinedEnv.NEXT_PUBLIC_SANITY_PROJECT_ID?.trim()) {
  console.log(`Sanity project ${combinedEnv.NEXT_PUBLIC_SANITY_PROJECT_ID}: the site at http://localhost:${sitePort}`)
  run('@microneedling/web', ['dev', '--port', String(sitePort)], {})
} else {
  const siteUrl = `http://localhost:${sitePort}`
  const studioUrl = `http://localhost:${studioPort}`
  const revalidateSecret = randomBytes(24).toString('base64url')
  const lake = await startLocalLake({
    ...(await lakeSettingsFromEnvironment()),
    webhook: { url: `${siteUrl}/api/revalidate`, secret: revalidateSecret },
  })
  closeLake = () => lake.close()
  const setup = { lakeUrl: lake.url, token: lake.token, siteUrl, studioUrl, revalidateSecret }
  run('@microneedling/web', ['dev', '--port', String(sitePort)], siteEnvironmentFor(setup))
  run('@microneedling/studio', ['exec', 'sanity', 'dev', '--port', String(studioPort)], studioEnvironmentFor(setup))
  console.log(
    [
      '',
      'No Sanity project configured: running everything on this machine.',
      `  Site                  ${siteUrl}`,
      `  Studio                ${studioUrl}   (signed in with the local token, no account needed)`,
      `  Local Content Lake    ${lake.url}   (data: ${lake.exportPath}; reset with pnpm lake:reset)`,
      '',
    ].join('\n'),
  )
}
