import type { RecordedPageKind } from './pageKinds'

/**
 * One followed partner link, or one request for it that was not a shopper's click ("filtered":
 * HEAD, a browser prefetch, a bot or link preview). Nothing in it identifies a person.
 */
export interface ClickEvent {
  device: string
  offer: string
  partner: string
  pageKind: RecordedPageKind
  at: Date
  filtered: boolean
}
