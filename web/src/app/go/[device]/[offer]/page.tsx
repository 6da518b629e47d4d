import { notFound } from 'next/navigation'

/**
 * Known partner links never reach this page: proxy.ts answers them with a 302. What arrives here is
 * an unknown device or offer, or an offer whose stored URL breaks its partner's rules, and gets the
 * site's real not-found page with a 404.
 *
 * No params are ever generated and none are rendered on demand, so every request that falls
 * through is answered by the prebuilt not-found page, rendered on the server. A page that called
 * notFound() while rendering on demand would answer with an empty HTML shell that only the
 * browser's JavaScript fills in (vercel/next.js#62228): a blank page without JavaScript.
 */
export const dynamicParams = false

export function generateStaticParams(): { device: string; offer: string }[] {
  return []
}

export default function UnknownPartnerLink(): never {
  notFound()
}
