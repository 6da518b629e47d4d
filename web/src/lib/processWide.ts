/**
 * One value per server process, made on first use. The proxy, route handlers and pages are
 * separate bundles in one process, each with its own copy of every module, so state they share
 * (caches the webhook empties, rate limits, the request-outcome storage) lives on globalThis.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`microneedling.${name}`)
  const holder = globalThis as typeof globalThis & Record<symbol, T | undefined>
  holder[key] ??= create()
  return holder[key]
}
