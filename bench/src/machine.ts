import { cpus, totalmem } from 'node:os'

/** The machine a benchmark ran on, for its results file: figures only compare on alike machines. */
export interface MachineDescription {
  cpus: number
  cpuModel: string
  totalMemoryBytes: number
  node: string
  platform: string
}

export function describeMachine(): MachineDescription {
  const cpuList = cpus()
  return {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    totalMemoryBytes: totalmem(),
    node: process.version,
    platform: process.platform,
  }
}
