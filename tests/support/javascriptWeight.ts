import type { Browser, Request } from 'playwright-core'

/**
 * How much JavaScript a shopper's browser downloads for one page: a cold load in Chromium (a fresh
 * context, so an empty cache), left until the network is idle, then every script response's body
 * as it crossed the wire (gzip from `next start`), summed. The HTML's own inline scripts (the React
 * payload) are part of the page, not counted here.
 */

export interface ScriptTransfer {
  url: string
  /** The body as sent, compressed. */
  bytes: number
  /** The response's headers, which DevTools' "transferred" figure adds to the body. */
  headerBytes: number
  /** The response's Content-Encoding, empty when it was sent uncompressed. */
  encoding: string
}

export interface JavaScriptWeight {
  /** The sum of every script response's compressed body. */
  bytes: number
  scripts: ScriptTransfer[]
}

const isScript = (request: Request) => request.resourceType() === 'script'

export async function javascriptWeight(browser: Browser, url: string): Promise<JavaScriptWeight> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const finished: Promise<ScriptTransfer>[] = []
    page.on('requestfinished', (request) => {
      if (!isScript(request)) return
      finished.push(
        Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => ({
          url: request.url(),
          bytes: sizes.responseBodySize,
          headerBytes: sizes.responseHeadersSize,
          encoding: response?.headers()['content-encoding'] ?? '',
        })),
      )
    })
    const response = await page.goto(url, { waitUntil: 'networkidle' })
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`)
    // Chunks fetched once the page is idle (lazy components, link prefetches) arrive a little later.
    await page.waitForTimeout(500)
    await page.waitForLoadState('networkidle')
    const scripts = await Promise.all(finished)
    return { bytes: scripts.reduce((sum, script) => sum + script.bytes, 0), scripts }
  } finally {
    await context.close()
  }
}

/** Bytes as KB (1,024 bytes), one decimal, as the figures in the README and the design notes. */
export const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1)
