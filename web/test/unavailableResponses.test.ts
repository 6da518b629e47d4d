import { describe, expect, it } from 'vitest'
import { withoutScripts } from '@/lib/unavailableResponses'

describe('withoutScripts', () => {
  it('keeps the page and its styles, and drops every script and script preload', () => {
    const html =
      '<html><head><link rel="stylesheet" href="/a.css"><link rel="preload" as="script" href="/b.js">' +
      '<script src="/c.js" async=""></script></head><body><h1>Temporarily unavailable</h1>' +
      '<script>self.__next_f.push([1,"x"])</script></body></html>'
    expect(withoutScripts(html)).toBe(
      '<html><head><link rel="stylesheet" href="/a.css"></head><body><h1>Temporarily unavailable</h1></body></html>',
    )
  })
})
