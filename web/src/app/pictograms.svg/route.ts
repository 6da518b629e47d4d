import { pictogramSprite } from '@/components/pictogramSprite'

export const dynamic = 'force-static'

/** The form factors' drawings, built once with the site; pages point into it by id. */
export function GET(): Response {
  return new Response(pictogramSprite(), {
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      // Browsers keep it a day between builds rather than asking again on every page.
      'cache-control': 'public, max-age=86400, stale-while-revalidate=604800',
    },
  })
}
