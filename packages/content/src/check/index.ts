export * from './findings.ts'
export * from './references.ts'
export * from './schemas.ts'
