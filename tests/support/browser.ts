import { type Browser, type ConsoleMessage, chromium, type Page } from 'playwright-core'

/**
 * Debian's Chromium, driven by playwright-core (no downloaded browsers on these machines).
 * Install with `apt-get update && apt-get install -y chromium` if it is missing.
 */
export const chromiumPath = '/usr/bin/chromium'

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  // Keep the browser from calling home: tests must not depend on, or wait for, the network.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
}

/** The console errors and uncaught exceptions a page produced: what a shopper's devtools would show in red. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  return errors
}

/** A phone-sized viewport (iPhone 12-15 class), the size the disclosure rule is judged at. */
export const phoneViewport = { width: 390, height: 844 } as const
