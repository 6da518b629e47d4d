import { processWide } from '../processWide'

/**
 * Logs a problem of one kind when it first appears or its message changes, not on every page or
 * webhook that meets it again (a missing database would otherwise fill the log).
 */
export function warnOnce(kind: string, message: string): void {
  const lastMessages = processWide('priceHistoryWarnings', () => new Map<string, string>())
  if (lastMessages.get(kind) === message) return
  lastMessages.set(kind, message)
  console.warn(message)
}
