/** A value the feed may leave empty: empty means absent, not an empty string. */
export function optionalValue(text: string): string | undefined {
  return text === '' ? undefined : text
}
