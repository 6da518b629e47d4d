import { defineEnableDraftMode } from 'next-sanity/draft-mode'
import { previewClient, previewUnavailableResponse } from '@/lib/content/previews'

/**
 * Opened by the Studio's Presentation tool with a one-time secret it stored in the Content Lake:
 * next-sanity checks the secret with the read token, turns draft mode on and redirects to the page.
 */
export async function GET(request: Request): Promise<Response> {
  const client = previewClient()
  if (!client) return previewUnavailableResponse()
  return defineEnableDraftMode({ client }).GET(request)
}
