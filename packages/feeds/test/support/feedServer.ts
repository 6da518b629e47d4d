import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

type Handler = (request: IncomingMessage, response: ServerResponse, origin: { port: number }) => void

/**
 * A feed server on a free loopback port, answering each path with its handler; 404 otherwise.
 * `close` ends every connection, hanging ones included, so a test never waits on it.
 */
export async function startFeedServer(routes: Record<string, Handler>) {
  const server = createServer((request, response) => {
    const handler = routes[new URL(request.url ?? '/', 'http://127.0.0.1').pathname]
    if (handler) handler(request, response, { port })
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    url: (path: string, host = '127.0.0.1') => `http://${host}:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
