/**
 * Runs once when a server process starts (`next start`, `next dev`), before it serves a request.
 * The work is Node.js-only (see lib/serverStartup.ts); the `NEXT_RUNTIME` test lets the compiler
 * leave it out of the Edge build.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./lib/serverStartup')
    await startServer()
  }
}
