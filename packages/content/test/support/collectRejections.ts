import { afterEach, beforeEach } from 'vitest'
import { onRejection, type Rejection } from '../../src/rejections.ts'

/**
 * Collects the documents the schemas leave out, instead of letting them go to the console, so a
 * test can say which document was rejected and why. Call at the top of a describe block.
 */
export function collectRejections(): Rejection[] {
  const rejections: Rejection[] = []
  let restore: (() => void) | undefined
  beforeEach(() => {
    rejections.length = 0
    restore = onRejection((rejection) => rejections.push(rejection))
  })
  afterEach(() => restore?.())
  return rejections
}
