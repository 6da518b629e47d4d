#!/usr/bin/env node
import { startLocalLake } from './localLake.ts'
import { lakeSettingsFromEnvironment } from './settings.ts'
import { seedDataset } from './store/durableDataset.ts'

/**
 * `local-lake start`: serves the local Content Lake until interrupted.
 * `local-lake reset`: replaces its data with the sample dataset (the journal too).
 *
 * Settings from the environment (see `lakeSettingsFromEnvironment`), and, for the webhook to the
 * site, LOCAL_LAKE_WEBHOOK_URL with SANITY_REVALIDATE_SECRET.
 */

const [command = 'start'] = process.argv.slice(2)
const settings = await lakeSettingsFromEnvironment()
const { exportPath, seedPath } = settings

if (command === 'reset') {
  const count = await seedDataset(exportPath, seedPath)
  console.log(`local Content Lake reset: ${count} documents from ${seedPath} in ${exportPath}`)
} else if (command === 'start') {
  const webhookUrl = process.env.LOCAL_LAKE_WEBHOOK_URL?.trim()
  const secret = process.env.SANITY_REVALIDATE_SECRET?.trim()
  const lake = await startLocalLake({
    ...settings,
    ...(webhookUrl && secret ? { webhook: { url: webhookUrl, secret } } : {}),
  })
  console.log(`local Content Lake at ${lake.url} (data: ${exportPath})`)
  const stop = () => {
    lake.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
} else {
  console.error(`unknown command "${command}": use start or reset`)
  process.exit(2)
}
