import { randomUUID } from 'node:crypto'
import { revalidationWebhook } from '@microneedling/content/revalidationWebhook'
import { encodeSignatureHeader } from '@sanity/webhook'
import { evaluate, parse } from 'groq-js'
import { isPrivateId } from '../groq/perspectives.ts'
import type { CommittedChange, CommittedTransaction, DocumentStore } from '../store/documentStore.ts'

/**
 * Sanity's GROQ-powered webhooks, as the README tells a Sanity project to configure one: after a
 * transaction, each published document it created, updated or deleted that the filter selects is
 * posted, as the projection (evaluated with `before()` and `after()`), signed with the secret.
 * A delivery that fails (no answer, a 429 or a 5xx) is sent again with the same idempotency-key,
 * as Sanity does.
 */

export interface WebhookSettings {
  url: string
  secret: string
  dataset: string
  projectId: string
  filter?: string
  projection?: string
  retries?: number
  retryDelayMs?: number
  /** How long one attempt may take before it counts as failed. */
  timeoutMs?: number
}

export interface WebhookDelivery {
  documentId: string
  operation: 'create' | 'update' | 'delete'
  payload: unknown
  attempts: number
  /** The last attempt's HTTP status, or the error that stopped it. */
  outcome: number | string
  delivered: boolean
}

export interface WebhookSender {
  /** Deliveries finished (delivered, or given up on), newest last. */
  readonly deliveries: readonly WebhookDelivery[]
  /** Resolves once every delivery started so far has finished. */
  settled(): Promise<void>
  close(): void
}

export function startRevalidationWebhooks(store: DocumentStore, settings: WebhookSettings): WebhookSender {
  const filter = parse(settings.filter ?? revalidationWebhook.filter, { mode: 'delta' })
  const projection = parse(settings.projection ?? revalidationWebhook.projection, { mode: 'delta' })
  const retries = settings.retries ?? revalidationWebhook.retries
  const retryDelayMs = settings.retryDelayMs ?? revalidationWebhook.retryDelayMs
  const timeoutMs = settings.timeoutMs ?? 30_000
  const deliveries: WebhookDelivery[] = []
  const inFlight = new Set<Promise<void>>()
  const pauses = new Map<NodeJS.Timeout, () => void>()
  let closed = false

  async function prepare(transaction: CommittedTransaction, change: CommittedChange): Promise<void> {
    const root = change.after ?? change.before
    if (!root || isPrivateId(change.id)) return
    const context = { root, before: change.before, after: change.after, timestamp: new Date(transaction.timestamp) }
    if ((await (await evaluate(filter, context)).get()) !== true) return
    const payload = await (await evaluate(projection, context)).get()
    const operation = change.before === null ? 'create' : change.after === null ? 'delete' : 'update'
    await deliver(transaction, change.id, operation, payload)
  }

  async function deliver(
    transaction: CommittedTransaction,
    documentId: string,
    operation: WebhookDelivery['operation'],
    payload: unknown,
  ) {
    const body = JSON.stringify(payload)
    const idempotencyKey = `idem-${randomUUID()}`
    let outcome: number | string = 'not sent'
    let attempts = 0
    for (let attempt = 1; attempt <= retries + 1; attempt += 1) {
      if (attempt > 1) await pause(retryDelayMs)
      if (closed) break
      attempts = attempt
      try {
        const response = await fetch(settings.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Sanity.io webhook delivery',
            'idempotency-key': idempotencyKey,
            'sanity-webhook-signature': await encodeSignatureHeader(body, Date.now(), settings.secret),
            'sanity-transaction-id': transaction.transactionId,
            'sanity-transaction-time': transaction.timestamp,
            'sanity-dataset': settings.dataset,
            'sanity-project-id': settings.projectId,
            'sanity-document-id': documentId,
            'sanity-operation': operation,
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        })
        await response.arrayBuffer().catch(() => undefined)
        outcome = response.status
        if (response.status < 500 && response.status !== 429) break
      } catch (error) {
        outcome = (error as Error).message
      }
    }
    const delivered = typeof outcome === 'number' && outcome >= 200 && outcome < 300
    if (!delivered && !closed) {
      console.warn(`[local-lake] webhook for ${documentId} (${operation}) not delivered to ${settings.url}: ${outcome}`)
    }
    deliveries.push({ documentId, operation, payload, attempts, outcome, delivered })
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pauses.delete(timer)
        resolve()
      }, ms)
      timer.unref()
      pauses.set(timer, resolve)
    })
  }

  const unsubscribe = store.subscribe((transaction) => {
    for (const change of transaction.changes) {
      const running: Promise<void> = prepare(transaction, change)
        .catch((error: unknown) => console.error(`[local-lake] webhook for ${change.id} failed:`, error))
        .finally(() => inFlight.delete(running))
      inFlight.add(running)
    }
  })

  return {
    deliveries,
    async settled() {
      while (inFlight.size > 0) await Promise.all(inFlight)
    },
    close() {
      closed = true
      unsubscribe()
      // Pending retries end at once, so nothing waits on a lake that has stopped.
      for (const [timer, resolve] of pauses) {
        clearTimeout(timer)
        resolve()
      }
      pauses.clear()
    },
  }
}
