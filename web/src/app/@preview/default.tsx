import { draftMode } from 'next/headers'
import { PreviewTools } from '@/components/PreviewTools'

/**
 * The preview tools, in a slot of their own (`@preview`, drawn by the root layout in draft mode
 * only): the App Router bundles the client components each layout or page can reach into that
 * file's chunk, so next-sanity's VisualEditing loader lives in this slot's chunk, which only a
 * preview loads, and not in the layout's, which every page does. Every route shows this default.
 */
export default async function PreviewSlot() {
  // Checked here too: a client component rendered here would have the browser fetch its chunk.
  if (!(await draftMode()).isEnabled) return null
  return <PreviewTools />
}
