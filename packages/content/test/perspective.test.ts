import { describe, expect, it } from 'vitest'
import type { StoredDocument } from '../src/source/ndjson.ts'
import { applyPerspective } from '../src/source/perspective.ts'

const publishedDevice: StoredDocument = { _id: 'device-a', _type: 'device', name: 'Roller (published)' }
const draftOfDevice: StoredDocument = { _id: 'drafts.device-a', _type: 'device', name: 'Roller (edited)' }
const unpublishedDraft: StoredDocument = { _id: 'drafts.device-new', _type: 'device', name: 'New roller' }
const brand: StoredDocument = { _id: 'brand-a', _type: 'brand', name: 'Brand' }
const dataset = [publishedDevice, draftOfDevice, unpublishedDraft, brand]

const ids = (documents: StoredDocument[]) => documents.map((document) => document._id).sort()

describe('applyPerspective', () => {
  it('published: shoppers never see drafts, edited or new', () => {
    const visible = applyPerspective(dataset, 'published')
    expect(ids(visible)).toEqual(['brand-a', 'device-a'])
    expect(visible.find((document) => document._id === 'device-a')?.name).toBe('Roller (published)')
  })

  it('drafts: an editor previews the edited version in place of the published one, under the published id', () => {
    const visible = applyPerspective(dataset, 'drafts')
    expect(ids(visible)).toEqual(['brand-a', 'device-a', 'device-new'])
    expect(visible.find((document) => document._id === 'device-a')?.name).toBe('Roller (edited)')
    expect(visible.some((document) => document._id.startsWith('drafts.'))).toBe(false)
  })

  it('drafts: a document never edited is shown as published', () => {
    const visible = applyPerspective(dataset, 'drafts')
    expect(visible.find((document) => document._id === 'brand-a')).toEqual(brand)
  })

  it('does not change the documents it is given', () => {
    const before = structuredClone(dataset)
    applyPerspective(dataset, 'drafts')
    expect(dataset).toEqual(before)
  })
})
