import { execFile } from 'node:child_process'
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './freePort.ts'

/**
 * A throwaway PostgreSQL 15 server (Debian's package, installed by scripts/ensure-postgresql.sh)
 * on loopback, in a temporary data folder, for one test file. PostgreSQL refuses to run as root,
 * so as root it runs as the `postgres` user the package creates.
 */

const run = promisify(execFile)
const binDir = process.env.POSTGRES_BIN_DIR ?? '/usr/lib/postgresql/15/bin'
const asRoot = process.getuid?.() === 0

export interface PostgresServer {
  url: string
  port: number
  /** Stops the server (as in an outage); `start` brings it back on the same port with the same data. */
  stop(): Promise<void>
  start(): Promise<void>
  /** Stops it and deletes its data. */
  destroy(): Promise<void>
}

async function asPostgres(command: string, args: string[]): Promise<string> {
  const [file, fullArgs] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(binDir, command), ...args]]
    : [join(binDir, command), args]
  try {
    const { stdout } = await run(file, fullArgs, { timeout: 60_000 })
    return stdout
  } catch (error) {
    const failure = error as { stderr?: string; message: string }
    throw new Error(
      `${command} failed: ${failure.stderr || failure.message}\n(scripts/ensure-postgresql.sh installs PostgreSQL)`,
    )
  }
}

export async function startPostgres(): Promise<PostgresServer> {
  const root = await mkdtemp(join(tmpdir(), 'clicks-postgres-'))
  const dataDir = join(root, 'data')
  const socketDir = root
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const uid = Number(stdout.trim())
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim())
    await chown(root, uid, gid)
  }
  await chmod(root, 0o700)
  await asPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
  const port = await freePort()
  const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off`
  const logFile = join(root, 'server.log')
  const start = async () => {
    await asPostgres('pg_ctl', ['-D', dataDir, '-o', options, '-l', logFile, '-w', '-t', '60', 'start'])
  }
  const stop = async () => {
    await asPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop'])
  }
  await start()
  let running = true
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await stop()
      running = false
    },
    async start() {
      await start()
      running = true
    },
    async destroy() {
      if (running) await stop().catch(() => undefined)
      running = false
      await rm(root, { recursive: true, force: true })
    },
  }
}
