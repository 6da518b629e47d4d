import { RowRefusal } from '../rowRefusal.ts'

/** A product link: an absolute http or https URL, kept as the feed wrote it. */
export function parseLink(text: string, attribute: string): string {
  if (text === '')
    throw new RowRefusal(`${attribute} is empty: give the product's page, like "https://shop.example.com/p/1".`)
  if (!URL.canParse(text)) throw new RowRefusal(`${attribute} "${text}" is not an absolute URL.`)
  const { protocol, hostname } = new URL(text)
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new RowRefusal(`${attribute} "${text}" is not an http or https link.`)
  }
  if (hostname === '') throw new RowRefusal(`${attribute} "${text}" has no host.`)
  return text
}
