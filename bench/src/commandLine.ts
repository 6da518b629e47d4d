import { parseArgs } from 'node:util'
import { z } from 'zod'

/**
 * The command line of a benchmark command: its flags, read with `parseArgs` (strict: an unknown
 * flag or a stray argument is an error), then checked by its zod schema, which gets each flag
 * under its camel-case name (`--skip-build` as `skipBuild`). Every command also takes `--help`
 * (`-h`), given to the schema as `help`.
 */
export interface CommandLine<Schema extends z.ZodType<{ help: boolean }>> {
  usage: string
  /** Flag names without their dashes, and whether each takes a value (`string`) or not (`boolean`). */
  flags: Record<string, 'string' | 'boolean'>
  schema: Schema
}

const camelCase = (flag: string) => flag.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase())

/** The options of `argv`; throws when they are not valid. */
export function parseCommandLine<Schema extends z.ZodType<{ help: boolean }>>(
  argv: string[],
  command: CommandLine<Schema>,
): z.output<Schema> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(Object.entries(command.flags).map(([flag, type]) => [flag, { type }])),
      help: { type: 'boolean', short: 'h' },
    },
  })
  return command.schema.parse(
    Object.fromEntries(Object.entries(values).map(([flag, value]) => [camelCase(flag), value])),
  )
}

/**
 * The start of a command's `main`: its options, or the exit code to return at once. Bad options
 * print what is wrong and the usage to stderr (exit code 2); `--help` prints the usage (exit code 0).
 */
export function readCommandLine<Schema extends z.ZodType<{ help: boolean }>>(
  argv: string[],
  command: CommandLine<Schema>,
): { options: z.output<Schema> } | { exitCode: number } {
  let options: z.output<Schema>
  try {
    options = parseCommandLine(argv, command)
  } catch (error) {
    const message =
      error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error)
    console.error(`${message}\n\n${command.usage}`)
    return { exitCode: 2 }
  }
  if (options.help) {
    console.log(command.usage)
    return { exitCode: 0 }
  }
  return { options }
}

/**
 * Runs a command's `main` and sets the exit code from it (1 when it throws). `cleanUp` runs after
 * it, and also on Ctrl-C or SIGTERM (exit code 130), so no server it started is left running.
 */
export async function runCommand(main: () => Promise<number>, cleanUp: () => Promise<unknown> = async () => {}) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void cleanUp().finally(() => process.exit(130))
    })
  }
  try {
    process.exitCode = await main()
  } catch (error) {
    console.error(error)
    process.exitCode = 1
  } finally {
    await cleanUp()
  }
}
