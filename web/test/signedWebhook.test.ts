import { encodeSignatureHeader } from '@sanity/webhook'
import { describe, expect, it } from 'vitest'
import { DeliveryLog } from '@/lib/webhooks/deliveryLog'
import { readSignedWebhook, webhookLimits } from '@/lib/webhooks/signedWebhook'

const secret = 'whsec-unit-test-secret-0123456789'
const payload = JSON.stringify({ _type: 'siteSettings', _id: 'siteSettings' })
const now = Date.UTC(2026, 10, 29, 6, 0, 0)
const minute = 60_000

function freshLog(capacity = 100) {
  return new DeliveryLog({ capacity, rememberMs: webhookLimits.maxSignatureAgeMs + webhookLimits.maxClockSkewMs })
}

async function signedRequest(
  body: string | ReadableStream<Uint8Array>,
  options: { signedAt?: number; signWith?: string; signedBody?: string; headers?: Record<string, string> } = {},
) {
  const signature = await encodeSignatureHeader(
    options.signedBody ?? (typeof body === 'string' ? body : payload),
    options.signedAt ?? now,
    options.signWith ?? secret,
  )
  return new Request('https://site.example/api/revalidate', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'sanity-webhook-signature': signature, ...options.headers },
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit)
}

/** A body of `totalBytes` that counts how much of it was ever pulled. */
function countingBody(totalBytes: number) {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
  const counter = { pulled: 0 }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= totalBytes) return controller.close()
      counter.pulled += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
  return { stream, counter }
}

describe('readSignedWebhook: authentication before any work', () => {
  it('accepts a body signed just now with the secret', async () => {
    const reading = await readSignedWebhook(await signedRequest(payload), { secret, deliveries: freshLog(), now })
    expect(reading).toMatchObject({ kind: 'accepted', body: JSON.parse(payload) })
  })

  it('answers 401 without a signature, without reading the body', async () => {
    const { stream, counter } = countingBody(50 * 1024 * 1024)
    const request = new Request('https://site.example/api/revalidate', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit)
    const reading = await readSignedWebhook(request, { secret, deliveries: freshLog(), now })
    expect(reading).toEqual({ kind: 'refused', status: 401, message: 'The webhook signature is missing.' })
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024)
  })

  it.each(['garbage', 't=abc,v1=xyz', ''])('answers 401 to a malformed signature header %j', async (header) => {
    const request = new Request('https://site.example/api/revalidate', {
      method: 'POST',
      body: 'not json at all',
      headers: { 'sanity-webhook-signature': header },
    })
    const reading = await readSignedWebhook(request, { secret, deliveries: freshLog(), now })
    expect(reading).toMatchObject({ kind: 'refused', status: 401 })
  })

  it('answers 401, not 400, to a body that is not JSON under a signature that does not match', async () => {
    const request = await signedRequest('{ this is not json', { signedBody: payload })
    const reading = await readSignedWebhook(request, { secret, deliveries: freshLog(), now })
    expect(reading).toEqual({ kind: 'refused', status: 401, message: 'The webhook signature is invalid.' })
  })

  it('answers 401 to a body signed with another secret', async () => {
    const request = await signedRequest(payload, { signWith: 'whsec-somebody-elses-secret-000' })
    expect(await readSignedWebhook(request, { secret, deliveries: freshLog(), now })).toMatchObject({ status: 401 })
  })

  it('answers 413 to a 50 MB body with a bogus signature, and stops reading at the limit', async () => {
    const { stream, counter } = countingBody(50 * 1024 * 1024)
    const reading = await readSignedWebhook(await signedRequest(stream), { secret, deliveries: freshLog(), now })
    expect(reading).toMatchObject({ kind: 'refused', status: 413 })
    expect(counter.pulled).toBeLessThanOrEqual(webhookLimits.maxBodyBytes + 2 * 64 * 1024)
  })

  it('answers 413 at once when the declared length is over the limit', async () => {
    const { stream, counter } = countingBody(50 * 1024 * 1024)
    const request = await signedRequest(stream, { headers: { 'content-length': String(50 * 1024 * 1024) } })
    expect(await readSignedWebhook(request, { secret, deliveries: freshLog(), now })).toMatchObject({ status: 413 })
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024)
  })

  it('answers 400 to a correctly signed body that is not JSON', async () => {
    const reading = await readSignedWebhook(await signedRequest('not json'), { secret, deliveries: freshLog(), now })
    expect(reading).toEqual({ kind: 'refused', status: 400, message: 'The body is not JSON.' })
  })
})

describe('readSignedWebhook: replays', () => {
  it('refuses a body correctly signed 30 days ago', async () => {
    const request = await signedRequest(payload, { signedAt: now - 30 * 24 * 60 * minute })
    const reading = await readSignedWebhook(request, { secret, deliveries: freshLog(), now })
    expect(reading).toMatchObject({ kind: 'refused', status: 401, message: expect.stringContaining('too old') })
  })

  it("accepts Sanity's retries: two more attempts 30 seconds apart, and a delivery a few minutes late", async () => {
    for (const age of [30_000, 60_000, 10 * minute]) {
      const request = await signedRequest(payload, { signedAt: now - age })
      expect((await readSignedWebhook(request, { secret, deliveries: freshLog(), now })).kind).toBe('accepted')
    }
  })

  it('refuses a signature older than the window, or from further in the future than clock skew allows', async () => {
    for (const signedAt of [now - webhookLimits.maxSignatureAgeMs - 1, now + webhookLimits.maxClockSkewMs + 1]) {
      const reading = await readSignedWebhook(await signedRequest(payload, { signedAt }), {
        secret,
        deliveries: freshLog(),
        now,
      })
      expect(reading).toMatchObject({ status: 401 })
    }
  })

  it('handles the same signed delivery once: the same request again is a repeat', async () => {
    const deliveries = freshLog()
    const first = await signedRequest(payload)
    const again = await signedRequest(payload)
    expect((await readSignedWebhook(first, { secret, deliveries, now })).kind).toBe('accepted')
    expect(await readSignedWebhook(again, { secret, deliveries, now: now + minute })).toEqual({ kind: 'repeat' })
  })

  it("recognises Sanity's retry by its idempotency-key, even when signed anew", async () => {
    const deliveries = freshLog()
    const headers = { 'idempotency-key': 'delivery-7f3a' }
    const first = await signedRequest(payload, { headers, signedAt: now })
    const retry = await signedRequest(payload, { headers, signedAt: now + 30_000 })
    expect((await readSignedWebhook(first, { secret, deliveries, now })).kind).toBe('accepted')
    expect(await readSignedWebhook(retry, { secret, deliveries, now: now + 30_000 })).toEqual({ kind: 'repeat' })
  })

  it('a delivery that could not be handled (released) is accepted when Sanity retries it', async () => {
    const deliveries = freshLog()
    const headers = { 'idempotency-key': 'delivery-9c1d' }
    const first = await readSignedWebhook(await signedRequest(payload, { headers }), { secret, deliveries, now })
    expect(first.kind).toBe('accepted')
    if (first.kind === 'accepted') deliveries.release(first.deliveryKeys)
    const retry = await signedRequest(payload, { headers, signedAt: now + 30_000 })
    expect((await readSignedWebhook(retry, { secret, deliveries, now: now + 30_000 })).kind).toBe('accepted')
  })

  it('changing the idempotency-key does not make a replayed signature new', async () => {
    const deliveries = freshLog()
    const signedAt = now
    const first = await signedRequest(payload, { signedAt, headers: { 'idempotency-key': 'a' } })
    const replay = await signedRequest(payload, { signedAt, headers: { 'idempotency-key': 'b' } })
    expect((await readSignedWebhook(first, { secret, deliveries, now })).kind).toBe('accepted')
    expect((await readSignedWebhook(replay, { secret, deliveries, now })).kind).toBe('repeat')
  })
})

describe('DeliveryLog', () => {
  it('holds at most its capacity, forgetting the oldest first', () => {
    const log = new DeliveryLog({ capacity: 3, rememberMs: minute })
    for (let index = 0; index < 10_000; index++) expect(log.claim([`key-${index}`], now)).toBe(true)
    expect(log.size).toBe(3)
    expect(log.claim(['key-9999'], now)).toBe(false)
    expect(log.claim(['key-0'], now)).toBe(true)
  })

  it('forgets a delivery once its signature would be too old anyway', () => {
    const log = new DeliveryLog({ capacity: 10, rememberMs: minute })
    expect(log.claim(['a'], now)).toBe(true)
    expect(log.claim(['a'], now + minute - 1)).toBe(false)
    expect(log.claim(['b'], now + minute)).toBe(true)
    expect(log.size).toBe(1)
  })
})
