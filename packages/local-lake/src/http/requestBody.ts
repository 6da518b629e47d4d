import type { IncomingMessage } from 'node:http'
import { LakeError } from '../lakeError.ts'

/** The largest body the local lake reads: Sanity's own limit for a mutation request is 4 MB. */
export const maxBodyBytes = 4 * 1024 * 1024

/** Reads a JSON body, refusing one past the limit (413) or one that is not JSON (400). */
export async function readJsonBody(request: IncomingMessage, limit = maxBodyBytes): Promise<unknown> {
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit)
  const chunks: Buffer[] = []
  let received = 0
  for await (const chunk of request) {
    received += (chunk as Buffer).length
    if (received > limit) {
      request.destroy()
      throw tooLarge(limit)
    }
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new LakeError(400, 'httpBadRequest', `The request body is not valid JSON: ${(error as Error).message}`)
  }
}

function tooLarge(limit: number): LakeError {
  return new LakeError(413, 'httpPayloadTooLarge', `The request body is larger than ${limit} bytes`)
}
