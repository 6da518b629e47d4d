/** What a feed can be read from: a Node stream, a web stream, or any async iterable of bytes. */
export type FeedSource = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream

/** The source's chunks as bytes (a Node stream given an encoding yields strings). */
export async function* byteChunks(source: FeedSource): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
  }
}
