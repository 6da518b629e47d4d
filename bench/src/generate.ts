/**
 * `pnpm --filter @microneedling/bench generate [sizes]`: writes the scale datasets (default 18, 500
 * and 10000 devices) to bench/.data/devices-<n>.ndjson, for running the site or content:check on them
 * by hand (`CONTENT_DATASET=bench/.data/devices-500.ndjson pnpm dev`).
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { datasetFile } from './paths.ts'
import { writeScaleDataset } from './scaleDataset.ts'

const sizesSchema = z
  .string()
  .transform((text) => text.split(',').map((part) => Number(part.trim())))
  .pipe(z.array(z.number().int().min(18)).min(1))

const { positionals } = parseArgs({ allowPositionals: true })
const sizes = sizesSchema.parse(positionals[0] ?? '18,500,10000')
for (const devices of sizes) {
  const file = datasetFile(devices)
  await writeScaleDataset(devices, file)
  console.log(`${devices} devices: ${file}`)
}
