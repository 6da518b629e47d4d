import type { ClickRecording } from './clickRecording'

/**
 * On SIGTERM or SIGINT, `next start` stops taking requests, lets those in flight finish, then calls
 * process.exit. The exit is held here until the clicks those requests queued are written (or a
 * deadline passes), so a deploy or restart loses none.
 */
export function writeClicksBeforeExit(recording: ClickRecording, deadlineMs = 10_000): void {
  let shuttingDown: Promise<boolean> | null = null
  const exit = process.exit.bind(process)
  const shutdown = () => {
    shuttingDown ??= recording.shutdown(deadlineMs)
    return shuttingDown
  }
  const onSignal = (signal: NodeJS.Signals) => {
    process.exit = ((code?: number) => {
      void shutdown().finally(() => exit(code))
    }) as typeof process.exit
    // When Next leaves signals to the application (NEXT_MANUAL_SIG_HANDLE), nobody else will exit.
    if (process.listenerCount(signal) === 0) void shutdown().finally(() => exit(signal === 'SIGINT' ? 130 : 143))
  }
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
}
