import type { DeliveryLog } from '../webhooks/deliveryLog'
import { type SharedStore, sharedKeyPrefix } from './sharedStore'

/** What the webhook asks of a delivery log: this server's own (DeliveryLog), or one shared by every server. */
export interface Deliveries {
  /** Records a delivery about to be handled; false when any of its keys was seen. */
  claim(keys: readonly string[], now: number): boolean | Promise<boolean>
  /** Forgets a delivery that could not be handled, so Sanity's retry of it is accepted. */
  release(keys: readonly string[]): void | Promise<void>
}

const keyOf = (deliveryKey: string) => `${sharedKeyPrefix}delivery:${deliveryKey}`

/**
 * Deliveries seen by any server, in Redis (SET NX, forgotten after `rememberMs`), on top of this
 * server's own log, which decides alone while Redis does not answer.
 */
export function sharedDeliveryLog(store: SharedStore, local: DeliveryLog, rememberMs: number): Deliveries {
  return {
    async claim(keys, now) {
      if (!local.claim(keys, now)) return false
      try {
        return await store.run(async (client) => {
          for (const [index, key] of keys.entries()) {
            const set = await client.set(keyOf(key), String(now), {
              condition: 'NX',
              expiration: { type: 'PX', value: rememberMs },
            })
            if (set === null) {
              // Another server has it: what this one claimed a moment ago is given back.
              if (index > 0) await client.del(keys.slice(0, index).map(keyOf))
              return false
            }
          }
          return true
        })
      } catch {
        return true
      }
    },
    async release(keys) {
      local.release(keys)
      await store.run((client) => client.del(keys.map(keyOf))).catch(() => undefined)
    },
  }
}
