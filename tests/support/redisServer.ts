import { createConnection } from 'node:net'
import { freePort } from './freePort.ts'
import { webDir } from './paths.ts'
import { delay, type ProcessGroup, startProcessGroup, tail } from './processGroup.ts'

/**
 * A throwaway Redis (Debian's redis-server, installed by scripts/ensure-test-tools.sh) on loopback,
 * keeping nothing on disk, for one test file. It can be stopped and started again on the same
 * port (an outage), or paused with SIGSTOP (a server that accepts connections and answers nothing).
 */

const redisServer = process.env.REDIS_SERVER ?? 'redis-server'

export interface RedisServer {
  url: string
  port: number
  stop(): Promise<void>
  start(): Promise<void>
  pause(): void
  resume(): void
  output(): string
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort()
  let server: ProcessGroup | undefined
  let earlier = ''
  const start = async () => {
    server = startProcessGroup(
      redisServer,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'],
      { cwd: webDir, env: process.env },
    )
    const started = server
    const deadline = Date.now() + 10_000
    while (!(await answersPing(port))) {
      if (Date.now() > deadline || started.child.exitCode !== null)
        throw new Error(
          `redis-server did not start on port ${port} (scripts/ensure-test-tools.sh installs it):\n${tail(started.output())}`,
        )
      await delay(50)
    }
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    async stop() {
      earlier += server?.output() ?? ''
      await server?.stop()
    },
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    output: () => earlier + (server?.output() ?? ''),
  }

  function signal(name: NodeJS.Signals) {
    if (server?.child.pid) process.kill(server.child.pid, name)
  }
}

/** One inline command to Redis on loopback, and the first line of its reply (`+PONG`, `:12`, `-ERR ...`). */
export function redisReply(port: number, command: string, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    let data = ''
    socket.setEncoding('utf8')
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`Redis did not answer ${command} in ${timeoutMs} ms`)))
    socket.on('connect', () => socket.write(`${command}\r\n`))
    socket.on('data', (chunk: string) => {
      data += chunk
      const end = data.indexOf('\r\n')
      if (end < 0) return
      resolve(data.slice(0, end))
      socket.destroy()
    })
    socket.on('error', reject)
    socket.on('close', () => reject(new Error(`Redis closed the connection before answering ${command}`)))
  })
}

async function answersPing(port: number): Promise<boolean> {
  return (await redisReply(port, 'PING', 500).catch(() => '')) === '+PONG'
}

/** A field of Redis's INFO, such as `total_commands_processed` (section `stats`). */
export function redisInfoField(port: number, section: string, field: string, timeoutMs = 1000): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    let data = ''
    socket.setEncoding('utf8')
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`Redis did not answer INFO in ${timeoutMs} ms`)))
    socket.on('connect', () => socket.write(`INFO ${section}\r\n`))
    socket.on('data', (chunk: string) => {
      data += chunk
      const value = new RegExp(`\\r\\n${field}:(\\d+)\\r\\n`).exec(data)
      if (!value) return
      resolve(Number(value[1]))
      socket.destroy()
    })
    socket.on('error', reject)
  })
}
