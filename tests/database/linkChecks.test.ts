import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../web/src/lib/database/database.ts'
import { migrate } from '../../web/src/lib/database/migrate.ts'
import { checkLink } from '../../web/src/lib/linkChecks/checkLink.ts'
import { checkOffers, latestChecks, storeLinkChecks } from '../../web/src/lib/linkChecks/runLinkChecks.ts'
import { createTestDatabase, type TestDatabase } from '../support/clickDatabases.ts'

/**
 * The link checker against local shops: a page that is there, one that is gone, one that moved to
 * another site, one that never answers, and a redirect loop. No request leaves the machine.
 */

const userAgent = 'NeedleNotesLinkChecker/1.0 (+http://localhost:3000)'
let shop: Server
let otherShop: Server
let base: string
let otherBase: string
const seenAgents: string[] = []
let inFlight = 0
let mostInFlight = 0

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
}

beforeAll(async () => {
  otherShop = createServer((_request, response) => response.end('<h1>Welcome to our new shop</h1>'))
  const otherPort = await listen(otherShop)
  // Another host name for the same machine: "localhost" is not "127.0.0.1".
  otherBase = `http://localhost:${otherPort}`
  shop = createServer((request, response) => {
    seenAgents.push(request.headers['user-agent'] ?? '')
    const path = request.url ?? '/'
    if (path.startsWith('/slow-ok')) {
      inFlight += 1
      mostInFlight = Math.max(mostInFlight, inFlight)
      setTimeout(() => {
        inFlight -= 1
        response.end('ok')
      }, 100)
      return
    }
    if (path === '/product') return void response.end('<h1>Product</h1>')
    if (path === '/moved-here') return void response.writeHead(301, { location: '/product' }).end()
    if (path === '/gone') return void response.writeHead(404).end('not found')
    if (path === '/moved-away') return void response.writeHead(302, { location: `${otherBase}/` }).end()
    if (path.startsWith('/loop')) {
      const n = Number(path.split('/')[2] ?? 0)
      return void response.writeHead(302, { location: `/loop/${n + 1}` }).end()
    }
    if (path === '/hang') return // never answers
    response.writeHead(500).end()
  })
  base = `http://127.0.0.1:${await listen(shop)}`
})

afterAll(() => {
  shop?.closeAllConnections()
  shop?.close()
  otherShop?.close()
})

describe('checkLink', () => {
  it('calls a page that answers 200 ok, also after a redirect on the same site', async () => {
    expect(await checkLink(`${base}/product`, { userAgent })).toMatchObject({
      outcome: 'ok',
      statusCode: 200,
      finalUrl: `${base}/product`,
    })
    expect(await checkLink(`${base}/moved-here`, { userAgent })).toMatchObject({
      outcome: 'ok',
      statusCode: 200,
      finalUrl: `${base}/product`,
    })
    expect(seenAgents.at(-1)).toBe(userAgent)
  })

  it('calls a 404 broken', async () => {
    expect(await checkLink(`${base}/gone`, { userAgent })).toMatchObject({ outcome: 'broken', statusCode: 404 })
  })

  it('calls a redirect to another site "redirected elsewhere", with where it ended', async () => {
    expect(await checkLink(`${base}/moved-away`, { userAgent })).toMatchObject({
      outcome: 'redirected-elsewhere',
      statusCode: 200,
      finalUrl: `${otherBase}/`,
    })
  })

  it('gives up on a page that never answers, as timed out', async () => {
    const started = Date.now()
    expect(await checkLink(`${base}/hang`, { userAgent, timeoutMs: 500 })).toMatchObject({
      outcome: 'timed-out',
      statusCode: null,
    })
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('follows at most five redirects', async () => {
    const result = await checkLink(`${base}/loop/0`, { userAgent })
    expect(result).toMatchObject({ outcome: 'broken', statusCode: 302, finalUrl: `${base}/loop/5` })
  })

  it('calls a host that refuses connections broken', async () => {
    const closed = createServer()
    const port = await listen(closed)
    await new Promise((resolve) => closed.close(resolve))
    expect(await checkLink(`http://127.0.0.1:${port}/`, { userAgent })).toMatchObject({ outcome: 'broken' })
  })
})

describe('checkOffers and storage', () => {
  let testDb: TestDatabase
  beforeAll(async () => {
    testDb = await createTestDatabase('pglite')
  })
  afterAll(() => testDb?.destroy())

  it('asks one host at most two things at a time, and stores every outcome', async () => {
    const offers = [
      ...Array.from({ length: 6 }, (_, n) => ({
        deviceId: 'device-a',
        device: 'a',
        offer: `slow${n}`,
        url: `${base}/slow-ok/${n}`,
      })),
      { deviceId: 'device-b', device: 'b', offer: 'gone', url: `${base}/gone` },
      { deviceId: 'device-b', device: 'b', offer: 'away', url: `${base}/moved-away` },
      { deviceId: 'device-b', device: 'b', offer: 'hang', url: `${base}/hang` },
    ]
    const checks = await checkOffers(offers, { userAgent, timeoutMs: 800, perHost: 2 })
    expect(mostInFlight).toBe(2)
    expect(checks).toHaveLength(offers.length)

    const db = await openDatabase(testDb.target)
    try {
      await migrate(db)
      await storeLinkChecks(db, checks)
      const latest = await latestChecks(db)
      const outcome = Object.fromEntries(latest.map((check) => [`${check.device}/${check.offer}`, check.outcome]))
      expect(outcome).toMatchObject({
        'a/slow0': 'ok',
        'a/slow5': 'ok',
        'b/gone': 'broken',
        'b/away': 'redirected-elsewhere',
        'b/hang': 'timed-out',
      })
      expect(latest.find((check) => check.offer === 'gone')).toMatchObject({ status_code: 404, url: `${base}/gone` })
    } finally {
      await db.close()
    }
  })
})
