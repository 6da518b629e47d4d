import { once } from 'node:events'
import { createServer, get } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { markContentUnavailable } from '@/lib/outage/requestOutcome'
import { unavailableDocument, unavailableResponse } from '@/lib/outage/unavailableDocument'
import { installUnavailableResponses } from '@/lib/outage/unavailableResponses'

/**
 * A request whose content could not be read answers 503 with the static "temporarily unavailable"
 * document: its body never depends on content, and building it makes no request (a request to the
 * site's own pages could fail the same way during the same outage).
 */

let origin: string
const server = createServer((_request, response) => {
  // What Next.js does for a page whose content query failed: a 500 with its own error document.
  markContentUnavailable()
  response.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'content-length': '16' })
  response.end('<p>Internal</p>\n')
})

beforeAll(async () => {
  installUnavailableResponses()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.close()
})

function request(
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = get(`${origin}${path}`, { method, headers: { accept: 'text/html' } }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        body += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
    })
    outgoing.on('error', reject)
  })
}

describe('503 "temporarily unavailable"', () => {
  it('answers with the static document, without asking anything of this or any server', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no requests during an outage'))
    try {
      const answer = await request('/devices/never-generated')
      expect(answer.status).toBe(503)
      expect(answer.headers['retry-after']).toBe('60')
      expect(answer.headers['cache-control']).toBe('no-store')
      expect(answer.body).toBe(unavailableDocument)
      expect(fetchSpy).not.toHaveBeenCalled()
    } finally {
      fetchSpy.mockRestore()
    }
  })

  it('the document has the site header, plain words, the footer, and no script', () => {
    expect(unavailableDocument).toMatch(/<header class="site-header"/)
    expect(unavailableDocument).toMatch(/<h1>This page is temporarily unavailable<\/h1>/)
    expect(unavailableDocument).toMatch(/<footer class="site-footer"/)
    expect(unavailableDocument).toMatch(/<meta name="robots" content="noindex/)
    expect(unavailableDocument).not.toMatch(/<script/i)
  })

  it('HEAD gets the status and headers without a body', async () => {
    const answer = await request('/devices/never-generated', 'HEAD')
    expect(answer.status).toBe(503)
    expect(answer.body).toBe('')
  })

  it('unavailableResponse (for /go/ and other routes that answer by themselves) says the same', async () => {
    const response = unavailableResponse('GET')
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('60')
    expect(await response.text()).toBe(unavailableDocument)
    expect(await unavailableResponse('HEAD').text()).toBe('')
  })
})
