import type { ServerResponse } from 'node:http'
import { sendJson } from './http/replies.ts'

/**
 * Failures a test can ask the lake to simulate on its next query requests, to see the site
 * survive a Content Lake outage: a 500, no answer at all, a 200 whose JSON is cut short, or a 503
 * after a short wait (which @sanity/client retries, as it does 429 and 502). Only the programmatic
 * handle can ask for them; nothing over HTTP can.
 */
export type SimulatedFailure = 'serverError' | 'hang' | 'malformedJson' | 'unavailable'

/** How long an 'unavailable' reply takes: each attempt is quick, but retries add up. */
export const unavailableDelayMs = 150

export interface FaultInjector {
  failNext(count: number, failure: SimulatedFailure): void
  clear(): void
  /** The failure the next query request gets, if any. */
  take(): SimulatedFailure | undefined
  simulate(failure: SimulatedFailure, response: ServerResponse): void
  /** Ends every request left hanging, so the server can close. */
  releaseHanging(): void
}

export function createFaultInjector(): FaultInjector {
  const queued: SimulatedFailure[] = []
  const hanging = new Set<ServerResponse>()
  return {
    failNext(count, failure) {
      for (let index = 0; index < count; index += 1) queued.push(failure)
    },
    clear() {
      queued.length = 0
    },
    take: () => queued.shift(),
    simulate(failure, response) {
      switch (failure) {
        case 'serverError':
          return sendJson(response, 500, {
            error: { description: 'simulated failure (local lake)', type: 'internalError' },
            statusCode: 500,
          })
        case 'malformedJson':
          response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
          return response.end('{"ms":1,"result":[{"_id":"cut-short"')
        case 'unavailable':
          setTimeout(() => {
            sendJson(response, 503, { error: { description: 'simulated overload (local lake)', type: 'unavailable' } })
          }, unavailableDelayMs)
          return
        case 'hang':
          // Headers are never sent: the client sees a connection that stays open until it gives up.
          hanging.add(response)
          response.on('close', () => hanging.delete(response))
          return
      }
    },
    releaseHanging() {
      for (const response of hanging) response.destroy()
      hanging.clear()
    },
  }
}
