#!/usr/bin/env node
import { sampleDatasetPath } from '@microneedling/content/config'
import { type LocalLakeOptions, startLocalLake } from './localLake.ts'
import {
  defaultLakePort,
  lakeDirectory,
  lakeExportPath,
  lakeToken,
  localLakeProjectId,
  portSetting,
} from './settings.ts'
import { seedDataset } from './store/durableDataset.ts'

/**
 * `local-lake start`: serves the local Content Lake until interrupted.
 * `local-lake reset`: replaces its data with the sample dataset (the journal too).
 *
 * Settings from the environment: LOCAL_LAKE_DIR (data folder), LOCAL_LAKE_PORT (3400),
 * LOCAL_LAKE_HOST (127.0.0.1), LOCAL_LAKE_TOKEN, LOCAL_LAKE_SEED (the file a first run copies),
 * and, for the webhook to the site, LOCAL_LAKE_WEBHOOK_URL with SANITY_REVALIDATE_SECRET.
 */

const [command = 'start'] = process.argv.slice(2)
const directory = lakeDirectory()
const exportPath = lakeExportPath(directory)
const seedPath = process.env.LOCAL_LAKE_SEED?.trim() || sampleDatasetPath

if (command === 'reset') {
  const count = await seedDataset(exportPath, seedPath)
  console.log(`local Content Lake reset: ${count} documents from ${seedPath} in ${exportPath}`)
} else if (command === 'start') {
  const webhookUrl = process.env.LOCAL_LAKE_WEBHOOK_URL?.trim()
  const secret = process.env.SANITY_REVALIDATE_SECRET?.trim()
  const options: LocalLakeOptions = {
    exportPath,
    seedPath,
    token: await lakeToken(directory),
    projectId: localLakeProjectId,
    host: process.env.LOCAL_LAKE_HOST?.trim() || '127.0.0.1',
    port: portSetting(process.env.LOCAL_LAKE_PORT, defaultLakePort),
    ...(webhookUrl && secret ? { webhook: { url: webhookUrl, secret } } : {}),
  }
  const lake = await startLocalLake(options)
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
