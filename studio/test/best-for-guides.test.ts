import type { SanityDocument } from 'sanity'
import { describe, expect, it } from 'vitest'

import { type DocumentValidationProblem, validateDocumentsWithStudioRules } from '../scripts/validate-documents.ts'
import { sampleDocuments, sampleDocumentsWith, sampleIds } from './sampleDocuments.ts'

/**
 * The rules of a "best for" guide as an editor meets them: Sanity's validateDocument with the
 * Studio's schema, over the small sample content set with one thing changed at a time.
 */

const guideId = sampleIds.bestForGuide
const topPickDevice = 'picks[_key=="top"].device'

async function problemsOfGuide(documents: SanityDocument[], level: DocumentValidationProblem['level']) {
  const problems = await validateDocumentsWithStudioRules(documents)
  return problems.filter((problem) => problem.documentId === guideId && problem.level === level)
}

const withGuide = (change: (guide: Record<string, any>) => void) => sampleDocumentsWith(guideId, change)

const budgetPick = (deviceId: string) => ({
  _type: 'bestForPick',
  _key: 'budget',
  role: 'budgetPick',
  device: { _type: 'reference', _ref: deviceId },
  reason: 'Cheaper, and does the same job.',
})

describe('best-for guide rules', () => {
  it('accept the sample guide: a published top pick in stock, a competitor, a byline and a date', async () => {
    const problems = await validateDocumentsWithStudioRules(sampleDocuments())
    expect(problems.filter((problem) => problem.documentId === guideId)).toEqual([])
  })

  it('refuse a guide without picks', async () => {
    for (const picks of [[], undefined]) {
      const errors = await problemsOfGuide(
        withGuide((guide) => {
          guide.picks = picks
        }),
        'error',
      )
      expect(errors, JSON.stringify(picks)).toEqual([
        expect.objectContaining({ path: 'picks', message: 'Add at least one pick, starting with the top pick.' }),
      ])
    }
  })

  it('refuse picks without a top pick', async () => {
    const errors = await problemsOfGuide(
      withGuide((guide) => {
        guide.picks = [budgetPick(sampleIds.homeDevice)]
      }),
      'error',
    )
    expect(errors).toEqual([
      expect.objectContaining({ path: 'picks', message: expect.stringContaining('Give one pick the role “Top pick”') }),
    ])
  })

  it('refuse a role given to two picks, naming the second', async () => {
    const errors = await problemsOfGuide(
      withGuide((guide) => {
        guide.picks.push({ ...budgetPick(sampleIds.professionalDevice), _key: 'second', role: 'topPick' })
        guide.competition = []
      }),
      'error',
    )
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'picks[_key=="second"].role',
        message: expect.stringContaining('There is already a top pick'),
      }),
    ])
  })

  it('refuse the same device picked twice, and a pick listed in the competition too', async () => {
    const errors = await problemsOfGuide(
      withGuide((guide) => {
        guide.picks.push(budgetPick(sampleIds.homeDevice))
        guide.competition[0].device._ref = sampleIds.homeDevice
      }),
      'error',
    )
    expect(new Set(errors.map((error) => `${error.path}: ${error.message}`))).toEqual(
      new Set([
        'picks[_key=="budget"].device: This device is already a pick. Choose a different device for this role.',
        'competition[_key=="pen"].device: This device is one of the picks. Remove it from the competition.',
      ]),
    )
  })

  it('refuse a pick whose device is only a draft, naming the device', async () => {
    const draftDevice = {
      ...sampleDocuments().find((document) => document._id === sampleIds.homeDevice)!,
      _id: 'drafts.device-new-roller',
      name: 'DermaCo New Roller',
      slug: { _type: 'slug', current: 'dermaco-new-roller' },
    }
    const documents = [
      ...withGuide((guide) => {
        guide.picks[0].device = { _type: 'reference', _ref: 'device-new-roller', _weak: true }
      }),
      draftDevice,
    ]
    const errors = await problemsOfGuide(documents, 'error')
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: topPickDevice,
        message:
          '“DermaCo New Roller” is not published yet, so shoppers could not open it. Publish the device first, or pick another.',
      }),
    )
  })

  it('refuse a pick that names a device that was never published', async () => {
    const errors = await problemsOfGuide(
      withGuide((guide) => {
        guide.picks[0].device._ref = 'device-never-made'
      }),
      'error',
    )
    expect(errors).toContainEqual(
      expect.objectContaining({ path: topPickDevice, message: expect.stringContaining('never published') }),
    )
  })

  it('warn, without refusing, about a pick no shop has in stock; not about an unsold competitor', async () => {
    const documents = sampleDocumentsWith(sampleIds.homeDevice, (device) => {
      device.offers[0].availability = 'outOfStock'
    })
    expect(await problemsOfGuide(documents, 'error')).toEqual([])
    // The competitor (the pro pen) has no offers at all: the competition is not for sale through the guide.
    expect(await problemsOfGuide(documents, 'warning')).toEqual([
      expect.objectContaining({
        path: topPickDevice,
        message: expect.stringContaining('No shop has this device in stock'),
      }),
    ])
  })

  it('ask for the reason, the medical reviewer and a last-updated day that is not in the future', async () => {
    const errors = await problemsOfGuide(
      withGuide((guide) => {
        guide.picks[0].reason = '  '
        delete guide.medicalReviewer
        guide.lastUpdatedAt = '2999-01-01'
      }),
      'error',
    )
    expect(new Set(errors.map((error) => error.path))).toEqual(
      new Set(['picks[_key=="top"].reason', 'medicalReviewer', 'lastUpdatedAt']),
    )
  })
})
