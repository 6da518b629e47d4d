import { draftMode } from 'next/headers'
import type { NextRequest } from 'next/server'
import { previewClient, previewUnavailableResponse, sameSitePath } from '@/lib/content/previews'

/** Leaves draft mode and goes back to the published page (`?redirect=/path`, this site only). */
export async function GET(request: NextRequest): Promise<Response> {
  if (!previewClient()) return previewUnavailableResponse()
  ;(await draftMode()).disable()
  // A relative Location: the host this server sees may not be the one the editor used.
  return new Response(null, {
    status: 307,
    headers: { Location: sameSitePath(request.nextUrl.searchParams.get('redirect')) },
  })
}
