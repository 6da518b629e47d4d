/**
 * The webhook deliveries accepted lately, so a repeat is recognised. Bounded twice: an entry is
 * forgotten after `rememberMs` (by then its signature is too old to be accepted anyway), and at
 * most `capacity` are kept (the oldest go first), so no stream of deliveries can grow memory.
 */
export class DeliveryLog {
  readonly #capacity: number
  readonly #rememberMs: number
  /** Key → when it is forgotten; a Map keeps insertion order, which is also time order. */
  readonly #entries = new Map<string, number>()

  constructor(options: { capacity: number; rememberMs: number }) {
    this.#capacity = options.capacity
    this.#rememberMs = options.rememberMs
  }

  get size(): number {
    return this.#entries.size
  }

  /**
   * Records the keys of a delivery about to be handled; false (and nothing recorded) when any of
   * them was seen, so concurrent repeats are refused too.
   */
  claim(keys: readonly string[], now: number): boolean {
    this.#forgetExpired(now)
    if (keys.some((key) => this.#entries.has(key))) return false
    for (const key of keys) this.#entries.set(key, now + this.#rememberMs)
    while (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value as string
      this.#entries.delete(oldest)
    }
    return true
  }

  /** Forgets a delivery that could not be handled, so Sanity's retry of it is accepted. */
  release(keys: readonly string[]): void {
    for (const key of keys) this.#entries.delete(key)
  }

  #forgetExpired(now: number): void {
    for (const [key, forgetAt] of this.#entries) {
      if (forgetAt > now) break
      this.#entries.delete(key)
    }
  }
}
