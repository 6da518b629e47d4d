/**
 * Something the Content Lake refuses, with the status, error type and message its reply carries.
 * Thrown by a transaction's plan, it refuses the whole transaction: nothing is written.
 */
export class LakeError extends Error {
  override name = 'LakeError'
  readonly statusCode: number
  readonly type: string
  readonly details: Record<string, unknown>
  constructor(statusCode: number, type: string, message: string, details: Record<string, unknown> = {}) {
    super(message)
    this.statusCode = statusCode
    this.type = type
    this.details = details
  }
}
