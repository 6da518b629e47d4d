import { FeedFormatError } from '../feedFormatError.ts'

const declaredEncoding = /^(?:\xEF\xBB\xBF)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/

/**
 * A decoder for an XML feed's bytes, from its start: a UTF-16 byte-order mark, or the encoding its
 * XML declaration names, or UTF-8. A UTF-8 byte-order mark is dropped by the decoder.
 */
export function xmlTextDecoder(head: Uint8Array): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le')
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be')
  const encoding = declaredEncoding.exec(Buffer.from(head).toString('latin1'))?.[1] ?? 'utf-8'
  try {
    return new TextDecoder(encoding)
  } catch {
    throw new FeedFormatError(`The XML declaration names the encoding "${encoding}", which cannot be read.`, 1)
  }
}
