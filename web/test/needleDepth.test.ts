import { describe, expect, it } from 'vitest'
import { describeNeedleDepth, layerReached } from '@/lib/catalogue/needleDepth'

describe('layerReached', () => {
  it('finds the deepest layer a needle reaches, boundaries included in the upper layer', () => {
    expect(layerReached(0.05).name).toBe('Epidermis')
    expect(layerReached(0.1).name).toBe('Epidermis')
    expect(layerReached(0.25).name).toBe('Papillary dermis')
    expect(layerReached(1.5).name).toBe('Reticular dermis')
    expect(layerReached(2.5).name).toBe('Subcutaneous fat')
    expect(layerReached(9).name).toBe('Subcutaneous fat')
  })
})

describe('describeNeedleDepth', () => {
  it('says in words what the chart draws', () => {
    expect(describeNeedleDepth({ name: 'Roller', needleLengthMm: { min: 0.25, max: 0.25 } })).toBe(
      'Roller: 0.25 mm, which reaches the papillary dermis.',
    )
    expect(describeNeedleDepth({ name: 'Pen', needleLengthMm: { min: 0.25, max: 2.5 } })).toBe(
      'Pen: adjustable, 0.25–2.5 mm, which reaches from the papillary dermis to the subcutaneous fat.',
    )
    expect(describeNeedleDepth({ name: 'Home pen', needleLengthMm: { min: 0.2, max: 0.3 } })).toBe(
      'Home pen: adjustable, 0.2–0.3 mm, which stays in the papillary dermis.',
    )
  })
})
