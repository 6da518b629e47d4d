import { describe, expect, it } from 'vitest'
import { reportsUrl } from '../environment.ts'

describe('reportsUrl', () => {
  it("points at the site's /reports, from SANITY_STUDIO_PREVIEW_URL with or without a trailing slash", () => {
    expect(reportsUrl('http://localhost:3000')).toBe('http://localhost:3000/reports')
    expect(reportsUrl('https://www.example.com/')).toBe('https://www.example.com/reports')
  })
})
