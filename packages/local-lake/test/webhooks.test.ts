import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { clientFor, startTestLake } from './support/testLake.ts'

/**
 * The signed webhook the lake posts after a change to a published document, as a Sanity project
 * configured as the README says would: same filter, same projection, same signature, retried with
 * the same idempotency-key when the site does not take it.
 */

const secret = 'whsec-local-lake-test-6f1a'
interface Received {
  body: string
  headers: IncomingMessage['headers']
}
const received: Received[] = []
let answers: number[] = []
let receiverUrl: string
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers })
    response.writeHead(answers.shift() ?? 200, { 'content-type': 'application/json' })
    response.end('{}')
  })
})

let lake: Awaited<ReturnType<typeof startTestLake>>

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/revalidate`
  lake = await startTestLake({ webhook: { url: receiverUrl, secret, retryDelayMs: 50 } })
})
afterAll(async () => {
  await lake?.close()
  await new Promise((resolve) => receiver.close(resolve))
})
afterEach(() => {
  received.length = 0
  answers = []
})

const deviceId = 'device-fernhill-glide-home-pen'

describe('revalidation webhooks', () => {
  it("posts the README's projection, signed with the secret, for a change to a published device", async () => {
    const slug = (lake.getDocument(deviceId)!.slug as { current: string }).current
    await clientFor(lake).patch(deviceId).set({ name: 'Renamed' }).commit()
    await lake.webhooks!.settled()
    expect(received).toHaveLength(1)
    const [delivery] = received
    expect(JSON.parse(delivery!.body)).toEqual({ _type: 'device', _id: deviceId, slug, previousSlug: slug })
    const signature = delivery!.headers[SIGNATURE_HEADER_NAME] as string
    expect(await isValidSignature(delivery!.body, signature, secret)).toBe(true)
    expect(await isValidSignature(delivery!.body, signature, 'another-secret-altogether')).toBe(false)
    expect(delivery!.headers).toMatchObject({ 'sanity-operation': 'update', 'sanity-document-id': deviceId })
  })

  it('sends the old slug on a rename and on a delete, and nothing for drafts or types outside the filter', async () => {
    await clientFor(lake).createOrReplace({ _id: 'brand-webhook', _type: 'brand', name: 'B', slug: { current: 'old' } })
    await clientFor(lake).patch('brand-webhook').set({ 'slug.current': 'new' }).commit()
    await clientFor(lake).delete('brand-webhook')
    await clientFor(lake).createOrReplace({ _id: 'drafts.brand-webhook-draft', _type: 'brand', name: 'Draft only' })
    await clientFor(lake).createOrReplace({ _id: 'not-in-filter', _type: 'sanity.previewUrlSecret', secret: 'x' })
    await lake.webhooks!.settled()
    expect(received.map((delivery) => [delivery.headers['sanity-operation'], JSON.parse(delivery.body)])).toEqual([
      ['create', { _type: 'brand', _id: 'brand-webhook', slug: 'old', previousSlug: null }],
      ['update', { _type: 'brand', _id: 'brand-webhook', slug: 'new', previousSlug: 'old' }],
      ['delete', { _type: 'brand', _id: 'brand-webhook', slug: 'new', previousSlug: 'new' }],
    ])
  })

  it('delivers again, with the same idempotency-key, when the site answers 503; stops on a 4xx', async () => {
    answers = [503, 200]
    await clientFor(lake).patch(deviceId).set({ name: 'Retried' }).commit()
    await lake.webhooks!.settled()
    expect(received).toHaveLength(2)
    expect(received[1]!.headers['idempotency-key']).toBe(received[0]!.headers['idempotency-key'])
    expect(lake.webhooks!.deliveries.at(-1)).toMatchObject({ delivered: true, attempts: 2 })

    received.length = 0
    answers = [401]
    await clientFor(lake).patch(deviceId).set({ name: 'Refused' }).commit()
    await lake.webhooks!.settled()
    expect(received).toHaveLength(1)
    expect(lake.webhooks!.deliveries.at(-1)).toMatchObject({ delivered: false, outcome: 401 })
  })
})
