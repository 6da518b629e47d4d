/**
 * The first `count` bytes of a stream (fewer if it is shorter), and the whole stream again to read
 * from the start. Only those bytes are held, so deciding what a stream is costs no memory.
 */
export async function peekBytes(
  chunks: AsyncIterable<Uint8Array>,
  count: number,
): Promise<{ head: Uint8Array; chunks: AsyncGenerator<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]()
  const held: Uint8Array[] = []
  let heldLength = 0
  let ended = false
  while (heldLength < count) {
    const next = await iterator.next()
    if (next.done) {
      ended = true
      break
    }
    held.push(next.value)
    heldLength += next.value.byteLength
  }
  const head = Buffer.concat(held).subarray(0, count)
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      yield* held.splice(0)
      while (!ended) {
        const next = await iterator.next()
        if (next.done) {
          ended = true
          return
        }
        yield next.value
      }
    } finally {
      if (!ended) await iterator.return?.()
    }
  }
  return { head, chunks: replay() }
}
