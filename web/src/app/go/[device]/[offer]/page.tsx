import { notFound } from 'next/navigation'

/**
 * Known partner links never reach this page: proxy.ts answers them with a 302. What arrives here is
 * an unknown device or offer, or an offer whose stored URL breaks its partner's rules, and gets the
 * site's real not-found page with a 404.
 */
export const dynamic = 'force-dynamic'

export default function UnknownPartnerLink(): never {
  notFound()
}
