import { decodeSignatureHeader, isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { z } from 'zod'
import { type Deliveries, sharedDeliveryLog } from '../sharedStore/sharedDeliveries'
import { sharedStore } from '../sharedStore/sharedStore'
import { DeliveryLog } from './deliveryLog'

/**
 * Reading Sanity's signed webhook without doing work for strangers. In this order:
 * 1. no well-formed `sanity-webhook-signature` header: 401, and the body is never read;
 * 2. a body larger than `maxBodyBytes` (declared or streamed): 413, reading stops at the limit;
 * 3. a signature that does not match the body and secret: 401, and the body is never parsed;
 * 4. a signature older than `maxSignatureAgeMs` (or from the future, beyond clock skew): 401, so a
 *    body captured once cannot be replayed later;
 * 5. a delivery already accepted (same signature, or same `idempotency-key` header): answered as
 *    done, and nothing is refreshed again;
 * 6. only then is the body parsed as JSON.
 *
 * Why 15 minutes: Sanity retries a failed delivery (429 or 5xx) with the same `idempotency-key`,
 * deliveries can be late and clocks drift. The window accepts every retry and a late delivery, while
 * a captured body stops working a quarter of an hour after it was signed; within the window, the
 * delivery log turns a replay into a no-op.
 */
export const webhookLimits = {
  /** The projection the README asks for is a few hundred bytes; 64 KiB leaves room for long slugs and ids. */
  maxBodyBytes: 64 * 1024,
  maxSignatureAgeMs: 15 * 60_000,
  /** How far ahead of this server's clock a signature may be: Sanity's clock and ours may disagree a little. */
  maxClockSkewMs: 60_000,
  /** Deliveries remembered at once; beyond that the oldest are forgotten, so memory stays bounded. */
  rememberedDeliveries: 10_000,
} as const

export const idempotencyKeyHeader = 'idempotency-key'

export type WebhookReading =
  | { kind: 'accepted'; body: unknown; deliveryKeys: string[] }
  | { kind: 'repeat' }
  | { kind: 'refused'; status: 400 | 401 | 413; message: string }

const idempotencyKeySchema = z.string().trim().min(1).max(200)

export interface ReadOptions {
  secret: string
  deliveries: Deliveries
  now?: number
  limits?: typeof webhookLimits
}

export async function readSignedWebhook(request: Request, options: ReadOptions): Promise<WebhookReading> {
  const limits = options.limits ?? webhookLimits
  const now = options.now ?? Date.now()
  const signature = request.headers.get(SIGNATURE_HEADER_NAME)
  if (!signature) return refused(401, 'The webhook signature is missing.')
  let timestamp: number
  try {
    timestamp = decodeSignatureHeader(signature).timestamp
  } catch {
    return refused(401, 'The webhook signature is invalid.')
  }

  const declaredLength = Number(request.headers.get('content-length') ?? 0)
  if (declaredLength > limits.maxBodyBytes) return tooLarge(limits)
  const text = await readTextUpTo(request, limits.maxBodyBytes)
  if (text === null) return tooLarge(limits)

  if (!text || !(await isValidSignature(text, signature, options.secret.trim()))) {
    return refused(401, 'The webhook signature is invalid.')
  }
  if (now - timestamp > limits.maxSignatureAgeMs || timestamp - now > limits.maxClockSkewMs) {
    return refused(
      401,
      'The webhook signature is too old (or from the future): a delivery is accepted only soon after Sanity signs it.',
    )
  }

  const idempotencyKey = idempotencyKeySchema.safeParse(request.headers.get(idempotencyKeyHeader) ?? undefined)
  const deliveryKeys = [
    `signature:${signature.trim()}`,
    ...(idempotencyKey.success ? [`idempotency-key:${idempotencyKey.data}`] : []),
  ]
  if (!(await options.deliveries.claim(deliveryKeys, now))) return { kind: 'repeat' }

  try {
    return { kind: 'accepted', body: JSON.parse(text), deliveryKeys }
  } catch {
    await options.deliveries.release(deliveryKeys)
    return refused(400, 'The body is not JSON.')
  }
}

function refused(status: 400 | 401 | 413, message: string): WebhookReading {
  return { kind: 'refused', status, message }
}

function tooLarge(limits: typeof webhookLimits): WebhookReading {
  return refused(413, `The body is larger than ${limits.maxBodyBytes} bytes; the webhook's projection is much smaller.`)
}

/** The body as UTF-8 text, or null as soon as it exceeds `maxBytes` (the rest is never read). */
async function readTextUpTo(request: Request, maxBytes: number): Promise<string | null> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    received += value.byteLength
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}

let processDeliveries: Deliveries | undefined

/**
 * The deliveries accepted lately: by this server process, and with REDIS_URL by any server (a
 * load balancer sends Sanity's retry of a delivery to whichever server it likes).
 */
export function acceptedDeliveries(): Deliveries {
  if (processDeliveries) return processDeliveries
  const rememberMs = webhookLimits.maxSignatureAgeMs + webhookLimits.maxClockSkewMs
  const local = new DeliveryLog({ capacity: webhookLimits.rememberedDeliveries, rememberMs })
  const store = sharedStore()
  processDeliveries = store ? sharedDeliveryLog(store, local, rememberMs) : local
  return processDeliveries
}
