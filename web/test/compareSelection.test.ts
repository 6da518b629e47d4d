import { describe, expect, it } from 'vitest'
import { requestedSlugs, resolveCompareSelection } from '@/lib/compare/compareSelection'

const known = new Map(['a', 'b', 'c', 'd', 'e'].map((slug) => [slug, { name: `Device ${slug.toUpperCase()}` }]))

describe('requestedSlugs', () => {
  it('accepts commas, repeated parameters and stray spaces', () => {
    expect(requestedSlugs('a,b, c')).toEqual(['a', 'b', 'c'])
    expect(requestedSlugs(['a', 'b,c'])).toEqual(['a', 'b', 'c'])
    expect(requestedSlugs(',,')).toEqual([])
    expect(requestedSlugs(undefined)).toEqual([])
  })
})

describe('resolveCompareSelection', () => {
  it('keeps two to four known devices in the order given', () => {
    expect(resolveCompareSelection('c,a,b', known)).toEqual({ slugs: ['c', 'a', 'b'], notices: [], complete: true })
  })

  it('leaves out unknown devices with a message', () => {
    const selection = resolveCompareSelection('a,nope,b', known)
    expect(selection.slugs).toEqual(['a', 'b'])
    expect(selection.complete).toBe(true)
    expect(selection.notices).toEqual(['We could not find a device called “nope”, so it is left out.'])
  })

  it('shows a repeated device once, by name', () => {
    const selection = resolveCompareSelection(['a', 'b', 'a'], known)
    expect(selection.slugs).toEqual(['a', 'b'])
    expect(selection.notices).toEqual(['Device A was listed more than once; it is shown once.'])
  })

  it('keeps the first four and names the rest', () => {
    const selection = resolveCompareSelection('a,b,c,d,e', known)
    expect(selection.slugs).toEqual(['a', 'b', 'c', 'd'])
    expect(selection.complete).toBe(true)
    expect(selection.notices).toEqual(['You can compare up to 4 devices at a time, so these were left out: Device E.'])
  })

  it('asks for more when fewer than two remain', () => {
    expect(resolveCompareSelection(undefined, known)).toEqual({
      slugs: [],
      notices: ['Choose at least two devices to compare.'],
      complete: false,
    })
    const one = resolveCompareSelection('a,a', known)
    expect(one.slugs).toEqual(['a'])
    expect(one.complete).toBe(false)
    expect(one.notices).toContain('Add at least one more device to see a comparison.')
  })

  it('never trusts odd input: long, markup-like or many slugs', () => {
    const selection = resolveCompareSelection(`<script>,${'x'.repeat(300)},${Array(50).fill('b').join(',')}`, known)
    expect(selection.slugs).toEqual(['b'])
    expect(selection.notices.every((notice) => notice.length < 200)).toBe(true)
  })
})
