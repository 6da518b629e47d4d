import { stegaClean } from '@microneedling/content/source/stega'
import { serializeJsonLd } from '@/lib/seo/jsonLd'

/** Structured data for search engines: never stega-encoded, even in a preview. */
export function JsonLd({ data }: { data: unknown }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: serializeJsonLd escapes `<`, so the data cannot close the tag
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(stegaClean(data)) }} />
}
