import { type FeedItem, feedItemSchema } from './feedItem.ts'
import { RowRefusal } from './rowRefusal.ts'

/**
 * The item through `feedItemSchema`, the guarantee every reader gives. The field readers refuse bad
 * values first, in plainer words; this catches whatever they let through.
 */
export function checkedItem(draft: Record<string, unknown>): FeedItem {
  const parsed = feedItemSchema.safeParse(draft)
  if (parsed.success) return parsed.data
  throw new RowRefusal(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || 'item'}: ${issue.message}`).join(' '),
  )
}
