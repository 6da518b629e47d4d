import { formFactors } from '@microneedling/content/vocabulary'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { DevicePictogram } from '@/components/DevicePictogram'
import { pictogramSprite } from '@/components/pictogramSprite'

const symbolIds = [...pictogramSprite().matchAll(/<symbol id="([^"]+)"/g)].map((match) => match[1])

function usedId(formFactor: string): string | undefined {
  const html = renderToStaticMarkup(createElement(DevicePictogram, { formFactor }))
  return /<use href="\/pictograms\.svg#([^"]+)"/.exec(html)?.[1]
}

describe('pictograms', () => {
  it('draw every form factor from its own symbol in the sprite', () => {
    for (const { value } of formFactors) {
      expect(symbolIds).toContain(value)
      expect(usedId(value)).toBe(value)
    }
  })

  it('draw a form factor without a drawing as a generic device', () => {
    expect(usedId('someFutureDevice')).toBe('other')
    expect(symbolIds).toContain('other')
  })

  it('is one well-formed SVG document with one symbol per drawing', () => {
    const sprite = pictogramSprite()
    expect(sprite.startsWith('<?xml')).toBe(true)
    expect(new Set(symbolIds).size).toBe(symbolIds.length)
    expect(sprite.match(/<symbol /g)).toHaveLength(sprite.match(/<\/symbol>/g)?.length ?? -1)
  })
})
