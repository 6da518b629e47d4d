/**
 * `pnpm bench:paint`: how soon a shopper on a phone sees each page. Serves a production build of
 * the site (web/.next-bench-paint, built on first run or with --build) and the bare Next.js page
 * (bench/bare-next), loads each page in Debian's Chromium with Lighthouse's mobile throttling applied
 * through the DevTools protocol (4x CPU slowdown, slow 4G: 562.5 ms request latency, 1.44 Mbit/s
 * down, 675 kbit/s up), a fresh browser context (empty cache) per load, and prints the median
 * first contentful paint and largest contentful paint of each page, and their ratio to the bare page,
 * and the gzipped JavaScript each page loads (one more cold load, unthrottled: the figure the
 * browser test tests/e2e/javascriptWeight.test.ts holds the site to, against the bare page's).
 * A benchmark, not a test: figures vary with the machine; compare runs made on the same one.
 */
import { parseArgs } from 'node:util'
import type { Browser } from 'playwright-core'
import { z } from 'zod'
import { launchBrowser } from '../../tests/support/browser.ts'
import { javascriptWeight, kilobytes } from '../../tests/support/javascriptWeight.ts'
import { buildApp, isBuilt, type NextApp, serveApp } from './nextApp.ts'
import { bareDistDir, bareNextDir, webDir } from './paths.ts'

const usage = `Usage: pnpm bench:paint [options]
  --runs 7                   loads per page (the median is reported)
  --build                    rebuild the site (and the bare page) even when a build exists
  --dist-dir .next-bench-paint  the site's build to serve, under web/ (e.g. one made from another commit)`

const optionsSchema = z.object({
  runs: z.coerce.number().int().min(1).max(50).default(7),
  build: z.boolean().default(false),
  distDir: z
    .string()
    .regex(/^\.next-bench(-[a-z0-9]+)?$/, 'a benchmark dist directory: .next-bench-<name>')
    .default('.next-bench-paint'),
  help: z.boolean().default(false),
})

/** Lighthouse's "mobile slow 4G" figures as it applies them per request (DevTools throttling). */
const network = { latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 }
const cpuSlowdown = 4
/** Lighthouse's mobile screen (a Moto G Power). */
const screen = { width: 412, height: 823, deviceScaleFactor: 1.75 }

const pages = [
  { name: 'home', path: '/' },
  { name: 'devices', path: '/devices' },
  { name: 'device', path: '/devices/luma-titanium-roller-025' },
  { name: 'compare', path: '/compare?devices=luma-titanium-roller-025,fernhill-glide-home-pen,kestrel-pro-pen-p7' },
  { name: 'finder', path: '/finder?concern=acneScarring&area=face&experience=firstTime&budget=60&setting=home' },
  { name: 'best-for', path: '/best/best-home-derma-roller-for-fine-lines' },
] as const

interface Paint {
  fcp: number
  lcp: number
}

/** One cold load under throttling: paint times from the page's own performance entries. */
async function measure(browser: Browser, url: string): Promise<Paint> {
  const context = await browser.newContext({
    viewport: screen,
    deviceScaleFactor: screen.deviceScaleFactor,
    isMobile: true,
  })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })
    const response = await page.goto(url, { waitUntil: 'load', timeout: 120_000 })
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`)
    // LCP candidates stop once the page is loaded and idle; the last one is the page's LCP.
    await page.waitForTimeout(1000)
    const paint = await page.evaluate(
      () =>
        new Promise<{ fcp: number; lcp: number }>((resolve) => {
          let lcp = 0
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) lcp = Math.max(lcp, entry.startTime)
          }).observe({ type: 'largest-contentful-paint', buffered: true })
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0
          setTimeout(() => resolve({ fcp, lcp }), 100)
        }),
    )
    if (!paint.lcp) throw new Error(`${url}: no largest-contentful-paint entry`)
    return paint
  } finally {
    await context.close()
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

async function buildIfNeeded(app: NextApp, rebuild: boolean): Promise<void> {
  if (!rebuild && isBuilt(app)) return
  console.log(`next build of ${app.label} into ${app.distDir}...`)
  const figures = await buildApp(app, 30 * 60_000)
  console.log(`  built in ${figures.seconds.toFixed(0)} s`)
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      build: { type: 'boolean' },
      'dist-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  })
  const options = optionsSchema.parse({ ...values, distDir: values['dist-dir'] })
  if (options.help) {
    console.log(usage)
    return
  }
  const site: NextApp = { dir: webDir, distDir: options.distDir, label: 'site', env: {} }
  const bare: NextApp = { dir: bareNextDir, distDir: bareDistDir, label: 'bare', env: {} }
  await buildIfNeeded(bare, options.build)
  await buildIfNeeded(site, options.build)

  const [siteServer, bareServer, browser] = await Promise.all([serveApp(site), serveApp(bare), launchBrowser()])
  try {
    const targets = [
      { name: 'bare', url: `${bareServer.url}/` },
      ...pages.map((page) => ({ name: page.name, url: `${siteServer.url}${page.path}` })),
    ]
    // One warm-up load each, so no page pays for the server's first compile of its route.
    for (const target of targets) await measure(browser, target.url)
    const samples = new Map<string, Paint[]>(targets.map((target) => [target.name, []]))
    console.log(
      `${options.runs} cold loads per page, in turn, under 4x CPU slowdown and slow 4G (web/${options.distDir})\n`,
    )
    for (let run = 0; run < options.runs; run++) {
      for (const target of targets) samples.get(target.name)!.push(await measure(browser, target.url))
    }
    const medians = new Map(
      [...samples].map(([name, runs]) => [
        name,
        { fcp: median(runs.map((r) => r.fcp)), lcp: median(runs.map((r) => r.lcp)) },
      ]),
    )
    const javascript = new Map<string, number>()
    for (const target of targets) javascript.set(target.name, (await javascriptWeight(browser, target.url)).bytes)
    const bareLcp = medians.get('bare')!.lcp
    const bareJavaScript = javascript.get('bare')!
    console.log('page       FCP (ms)  LCP (ms)  LCP vs bare  JS KB (gzip)  JS vs bare (KB)  JS bytes')
    for (const [name, paint] of medians) {
      const bytes = javascript.get(name)!
      console.log(
        `${name.padEnd(9)} ${paint.fcp.toFixed(0).padStart(9)} ${paint.lcp.toFixed(0).padStart(9)} ${(paint.lcp / bareLcp).toFixed(2).padStart(11)}x` +
          ` ${kilobytes(bytes).padStart(13)} ${`${bytes >= bareJavaScript ? '+' : ''}${kilobytes(bytes - bareJavaScript)}`.padStart(16)} ${String(bytes).padStart(9)}`,
      )
    }
  } finally {
    await browser.close()
    await Promise.all([siteServer.stop(), bareServer.stop()])
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
