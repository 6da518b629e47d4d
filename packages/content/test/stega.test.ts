import { stegaEncodeSourceMap } from '@sanity/client/stega'
import { describe, expect, it } from 'vitest'
import { deviceSummarySchema } from '../src/schemas.ts'
import { lastFieldName, stegaClean, stegaFilter } from '../src/source/stega.ts'

/**
 * Previews (draft mode) stega-encode text so the Studio can draw edit overlays. Only free text may
 * carry the encoding: a vocabulary value with invisible characters appended would fail its schema,
 * and the document would vanish from the preview only.
 */

const device = {
  _id: 'device-a',
  _updatedAt: '2026-01-01T00:00:00Z',
  name: 'Roller A',
  slug: 'roller-a',
  brand: { _id: 'brand-a', name: 'Brand A', slug: 'brand-a' },
  formFactor: 'roller',
  intendedUse: 'home',
  needleLengthMm: { min: 0.25, max: 0.25 },
  needles: {
    adjustable: false,
    material: 'titanium',
    tip: 'bluntCosmetic',
    replaceableHead: true,
    sterileSingleUseParts: false,
  },
  concerns: ['texture'],
  rating: 7,
  verdict: 'Good for beginners.',
  pros: ['Light'],
  cons: ['Needs cleaning'],
  images: [],
  offers: [],
}

/** A source map in which every value of the result comes from the same field of one document. */
function sourceMapFor(result: Record<string, unknown>) {
  const paths: Record<string, string> = {}
  const mappings: Record<string, unknown> = {}
  let index = 0
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      paths[String(index)] = path
      mappings[path] = { type: 'value', source: { type: 'documentValue', document: 0, path: String(index) } }
      index += 1
    } else if (Array.isArray(value)) {
      for (const [position, item] of value.entries()) walk(item, `${path}[${position}]`)
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, `${path}['${key}']`)
    }
  }
  walk(result, '$')
  return { documents: [{ _id: 'device-a', _type: 'device' }], paths, mappings }
}

describe('stega in previews', () => {
  it('finds the field a value belongs to, skipping array positions', () => {
    expect(lastFieldName(['devices', 2, 'pros', 0])).toBe('pros')
    expect(lastFieldName([0])).toBeUndefined()
  })

  it('encodes free text only, so an encoded device still passes its schema', () => {
    const encoded = stegaEncodeSourceMap(device, sourceMapFor(device) as never, {
      enabled: true,
      studioUrl: 'https://studio.example.com',
      filter: stegaFilter,
    }) as typeof device
    expect(encoded.name).not.toBe(device.name)
    expect(stegaClean(encoded.name)).toBe(device.name)
    expect(encoded.pros[0]).not.toBe(device.pros[0])
    expect(encoded.intendedUse).toBe('home')
    expect(encoded.formFactor).toBe('roller')
    expect(encoded.needles.tip).toBe('bluntCosmetic')
    expect(encoded.slug).toBe('roller-a')
    expect(deviceSummarySchema.safeParse(encoded).success).toBe(true)
  })
})
