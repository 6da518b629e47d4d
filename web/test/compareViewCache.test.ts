import { describe, expect, it } from 'vitest'
import { keptComparisonPath, keptComparisonSlugs, keptComparisonSlugsOfPath } from '@/lib/routing/compareViewCache'

const slugs = (query: string) => keptComparisonSlugs(new URLSearchParams(query))

describe('keptComparisonSlugs', () => {
  it('keeps two to four devices in the order given, however the query spells them', () => {
    expect(slugs('devices=a-1,b-2')).toEqual(['a-1', 'b-2'])
    expect(slugs('devices=a-1&devices=b-2&devices=c-3')).toEqual(['a-1', 'b-2', 'c-3'])
    expect(slugs('devices=a-1, b-2,,c-3,d-4')).toEqual(['a-1', 'b-2', 'c-3', 'd-4'])
    expect(keptComparisonPath(slugs('devices=c-3,a-1')!)).toBe('/compare/view/c-3%2Ca-1')
  })

  it('leaves to the per-request page a search, other parameters and what needs a message', () => {
    for (const query of [
      '',
      'devices=a-1',
      'devices=a-1,b-2&q=luma',
      'devices=a-1,b-2&utm_source=x',
      'devices=a-1,a-1',
      'devices=a-1,b-2,c-3,d-4,e-5',
      'devices=a-1,b%20c',
      'devices=a-1,../x',
    ]) {
      expect(slugs(query), query).toBeNull()
    }
  })
})

describe('keptComparisonSlugsOfPath', () => {
  it('reads back the paths keptComparisonPath gives, and nothing else', () => {
    expect(keptComparisonSlugsOfPath(keptComparisonPath(['a-1', 'b-2']))).toEqual(['a-1', 'b-2'])
    for (const made of [
      '/compare/view/a-1,b-2',
      '/compare/view/a-1%2Ca-1',
      '/compare/view/a-1',
      '/compare/view/%E0%A4%A',
      '/compare/view/',
      '/compare/view/a-1%2Cb-2/x',
      '/compare/a-1%2Cb-2',
    ]) {
      expect(keptComparisonSlugsOfPath(made), made).toBeNull()
    }
  })
})
