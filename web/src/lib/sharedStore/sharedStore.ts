import { createClient, type RedisClientType } from '@redis/client'
import { siteEnvironment } from '../env/siteEnvironment'
import { processWide } from '../processWide'

/**
 * The Redis server the site's servers share (REDIS_URL), or nothing when there is one server.
 *
 * No request waits on it for long: a command that is not answered within REDIS_TIMEOUT_MS is given
 * up, and while the connection is down commands fail at once instead of queueing (the client keeps
 * reconnecting in the background). Callers then do without, from what this server knows. The log
 * says when Redis stops answering and when it is back, once each, never per request.
 */

const defaultRedisTimeoutMs = 500
/** Every key the site writes starts with this, so one Redis can serve other things too. */
export const sharedKeyPrefix = 'microneedling:'

export type RedisClient = RedisClientType

class SharedStoreUnavailableError extends Error {
  override name = 'SharedStoreUnavailableError'
}

export interface SharedStore {
  /** For the cache handler (lib/sharedStore/pageCache.ts), which sets its own deadlines. */
  readonly client: RedisClient
  readonly timeoutMs: number
  /**
   * Runs commands within the deadline (REDIS_TIMEOUT_MS, or `withinMs` for work no shopper waits
   * for); rejects with SharedStoreUnavailableError when Redis does not answer in time.
   */
  run<T>(command: (client: RedisClient) => Promise<T>, withinMs?: number): Promise<T>
  /** Calls `listener` each time the connection is made again after it was lost. */
  onReconnect(listener: () => void): void
  /** A second connection, for subscribing (a subscribed connection can send nothing else). */
  subscriber(): RedisClient
  close(): Promise<void>
}

/** The shared store of this server process, connected on first use; undefined without REDIS_URL. */
export function sharedStore(): SharedStore | undefined {
  return processWide('sharedStore', () => {
    const { REDIS_URL, REDIS_TIMEOUT_MS } = siteEnvironment()
    return REDIS_URL ? connectSharedStore(REDIS_URL, REDIS_TIMEOUT_MS ?? defaultRedisTimeoutMs) : undefined
  })
}

function connectSharedStore(url: string, timeoutMs: number): SharedStore {
  const where = describe(url)
  const health = connectionHealth(where)
  const options = {
    url,
    // Commands sent while disconnected fail at once rather than wait for the reconnection.
    disableOfflineQueue: true,
    // A connection that died quietly is noticed, and made again.
    pingInterval: 5_000,
    socket: {
      // Connecting is never waited for by a request (commands fail at once meanwhile), so it may take its time.
      connectTimeout: 5_000,
      // Quickly at first, then every two seconds for as long as it takes.
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
    },
  }
  const client = watched(createClient(options) as RedisClient, health)
  let subscriber: RedisClient | undefined
  const store: SharedStore = {
    client,
    timeoutMs,
    async run(command, withinMs = timeoutMs) {
      if (!client.isReady) throw new SharedStoreUnavailableError(`Redis at ${where} is not connected`)
      const deadline = AbortSignal.timeout(withinMs)
      try {
        // The race also bounds commands sent on another connection (the cache handler's own calls).
        const answer = await Promise.race([command(client.withAbortSignal(deadline)), whenAborted(deadline)])
        health.answered()
        return answer
      } catch (error) {
        const reason = deadline.aborted ? `no answer in ${withinMs} ms` : error
        health.failed(reason)
        throw new SharedStoreUnavailableError(`Redis at ${where}: ${String(reason)}`, { cause: error })
      }
    },
    onReconnect(listener) {
      let lost = false
      client.on('reconnecting', () => {
        lost = true
      })
      client.on('ready', () => {
        if (lost) listener()
        lost = false
      })
    },
    subscriber() {
      // Its subscriptions are queued while it connects, and renewed by the client after a reconnection.
      subscriber ??= watched(
        createClient({ ...options, disableOfflineQueue: false }) as RedisClient,
        connectionHealth(`${where} (subscriptions)`, { quiet: true }),
      )
      return subscriber
    },
    async close() {
      clearInterval(heartbeat)
      await Promise.allSettled([client.close(), subscriber?.close()])
    },
  }
  // Notices a server that stopped answering, or started again, while no request asks it anything.
  const heartbeat = setInterval(() => store.run((redis) => redis.ping()).catch(() => undefined), 2_000)
  heartbeat.unref()
  return store
}

function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))
}

function watched(client: RedisClient, health: ConnectionHealth): RedisClient {
  client.on('error', (error: unknown) => health.failed(error))
  client.on('ready', () => health.answered())
  // The first connection too is made in the background: a server starts while Redis is down.
  client.connect().catch((error: unknown) => health.failed(error))
  return client
}

interface ConnectionHealth {
  answered(): void
  failed(reason: unknown): void
}

/** Logs the changes between answering and not, once each. */
function connectionHealth(where: string, { quiet = false } = {}): ConnectionHealth {
  let answering: boolean | undefined
  return {
    answered() {
      if (answering === false && !quiet)
        console.info(`[shared store] Redis at ${where} answers again: pages and state are shared again`)
      answering = true
    },
    failed(reason) {
      if (answering !== false && !quiet)
        console.error(
          `[shared store] Redis at ${where} does not answer (${reason instanceof Error ? reason.message : String(reason)}): this server serves its own copies and keeps its own state until it does`,
        )
      answering = false
    },
  }
}

/** host:port, never the password a URL may carry. */
function describe(url: string): string {
  const { hostname, port } = new URL(url)
  return `${hostname}:${port || '6379'}`
}
