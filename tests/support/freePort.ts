import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'

/** A port nothing listens on right now, chosen by the OS, so parallel test files never collide. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
