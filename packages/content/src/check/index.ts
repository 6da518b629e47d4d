export * from './findings.ts'
export * from './indexedDataset.ts'
export * from './references.ts'
export * from './schemas.ts'
