import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { FeedFormatError } from '../feedFormatError.ts'
import { peekBytes } from './peekBytes.ts'

const gzipMagic = [0x1f, 0x8b]
const zipMagic = [0x50, 0x4b, 0x03, 0x04]

function startsWith(head: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => head[index] === byte)
}

/**
 * The bytes of a feed, decompressed when they are gzip: told by gzip's magic bytes (1f 8b), since
 * partners name files as they like and servers label them loosely.
 */
export async function* gunzipWhenCompressed(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const peeked = await peekBytes(chunks, zipMagic.length)
  if (startsWith(peeked.head, zipMagic)) {
    await peeked.chunks.return(undefined)
    throw new FeedFormatError('The feed is a ZIP archive: only gzip-compressed or uncompressed feeds are read.')
  }
  if (!startsWith(peeked.head, gzipMagic)) {
    yield* peeked.chunks
    return
  }
  const gunzip = createGunzip()
  // The pipeline's failure reaches the reader through `gunzip`, which it destroys with the error.
  pipeline(Readable.from(peeked.chunks, { objectMode: false }), gunzip).catch(() => {})
  try {
    for await (const chunk of gunzip) yield chunk as Buffer
  } catch (error) {
    throw isZlibError(error) ? new FeedFormatError(`The gzip data is damaged or cut short (${error.message}).`) : error
  } finally {
    gunzip.destroy()
  }
}

function isZlibError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && /^Z_/.test(String((error as NodeJS.ErrnoException).code))
}
