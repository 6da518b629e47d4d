/** At most this many words of a search are used; the rest of a long query adds nothing. */
const maxTerms = 6
const maxTermLength = 40

/**
 * A shopper's search text as GROQ `match` terms: each word (letters and digits) as a prefix, so
 * "luma tit" finds "Luma Titanium Roller". Every term must match the name or the brand. Empty when
 * nothing searchable is left, and then no query is run.
 */
export function deviceSearchTerms(text: string): string[] {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu)
  return [...new Set(words ?? [])].slice(0, maxTerms).map((word) => `${word.slice(0, maxTermLength)}*`)
}
