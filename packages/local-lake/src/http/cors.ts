import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * CORS as the Content Lake answers it for an allowed origin: the Studio and the site's browser
 * code send `Authorization` and their own headers, so every request is preflighted. Allowed are
 * origins on this machine and any named in the lake's settings.
 */
export function applyCors(
  request: IncomingMessage,
  response: ServerResponse,
  allowedOrigins: readonly string[],
): boolean {
  const origin = request.headers.origin
  if (!origin || !originAllowed(origin, allowedOrigins)) return false
  response.setHeader('access-control-allow-origin', origin)
  response.setHeader('access-control-allow-credentials', 'true')
  response.setHeader('vary', 'Origin')
  if (request.method === 'OPTIONS') {
    response.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
    const requested = request.headers['access-control-request-headers']
    response.setHeader('access-control-allow-headers', requested ?? 'authorization, content-type')
    response.setHeader('access-control-max-age', '600')
  }
  return true
}

function originAllowed(origin: string, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.includes(origin)) return true
  if (!URL.canParse(origin)) return false
  return isLoopbackHost(new URL(origin).hostname)
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  )
}
