import { describe, expect, it } from 'vitest'
import { sampleDatasetPath } from '../src/config.ts'
import {
  type BodyArea,
  describeFinderWeights,
  type FinderAnswers,
  type FinderDevice,
  type FinderEntry,
  type FinderPick,
  type FinderResult,
  findDevices,
  finderAnswersSchema,
  finderWeights,
  lowestBuyablePriceGbp,
  parseFinderAnswers,
} from '../src/finder/index.ts'
import { loadDeviceListPage } from '../src/loaders.ts'
import { createEmbeddedSource } from '../src/source/embedded.ts'
import { type Concern, concerns, valuesOf } from '../src/vocabulary.ts'

/** A hand-made device: one needle length, or [shortest, longest] for an adjustable one. */
function device(
  _id: string,
  name: string,
  use: 'home' | 'professional',
  needleMm: number | [number, number],
  deviceConcerns: Concern[],
  rating: number,
  options: { sharp?: boolean; sterile?: boolean } = {},
): FinderDevice {
  const [min, max] = typeof needleMm === 'number' ? [needleMm, needleMm] : needleMm
  return {
    _id,
    name,
    intendedUse: use,
    needleLengthMm: { min, max },
    needles: { tip: options.sharp ? 'sharp' : 'bluntCosmetic', sterileSingleUseParts: options.sterile ?? false },
    concerns: deviceConcerns,
    rating,
  }
}

const devices = [
  device('eye-roller', 'Eye Roller 0.2 mm', 'home', 0.2, ['wrinkles', 'looseSkin'], 6.2),
  device('face-roller', 'Face Roller 0.25 mm', 'home', 0.25, ['wrinkles', 'pigmentation'], 7.5),
  device('scar-stamp', 'Scar Stamp 0.25 mm', 'home', 0.25, ['acneScarring', 'scarring'], 7.3),
  device('scalp-roller', 'Scalp Roller 0.25 mm', 'home', 0.25, ['alopecia'], 6.4),
  device('body-roller', 'Body Roller 0.3 mm', 'home', 0.3, ['stretchMarks', 'looseSkin'], 6.6),
  device('sharp-roller', 'Sharp Roller 0.5 mm', 'home', 0.5, ['acneScarring', 'scarring', 'alopecia', 'wrinkles'], 8, {
    sharp: true,
  }),
  device('calm-roller', 'Microcone Roller', 'home', 0.2, ['rosacea', 'pigmentation'], 6),
  device(
    'clinic-pen',
    'Clinic Pen',
    'professional',
    [0.25, 2.5],
    ['acneScarring', 'scarring', 'stretchMarks', 'alopecia', 'looseSkin', 'rosacea'],
    9,
    { sharp: true, sterile: true },
  ),
  device('clinic-roller', 'Clinic Roller 1.0 mm', 'professional', 1.0, ['acneScarring', 'scarring'], 7.4, {
    sharp: true,
    sterile: true,
  }),
  device('clinic-body-roller', 'Clinic Body Roller 2.0 mm', 'professional', 2.0, ['stretchMarks', 'looseSkin'], 7, {
    sharp: true,
    sterile: true,
  }),
  device('unpriced-roller', 'Unpriced Roller 0.25 mm', 'home', 0.25, ['wrinkles'], 9.5),
]

const prices: Record<string, number | undefined> = {
  'eye-roller': 19,
  'face-roller': 29,
  'scar-stamp': 17,
  'scalp-roller': 24,
  'body-roller': 22,
  'sharp-roller': 26,
  'calm-roller': 17,
  'clinic-pen': 549,
  'clinic-roller': 62,
  'clinic-body-roller': 74,
}
const priceOf = (candidate: FinderDevice) => prices[candidate._id]

const answersFrom = (raw: Record<string, string>) => finderAnswersSchema.parse(raw)

function find(raw: Record<string, string>, options: { limit?: number; among?: FinderDevice[] } = {}) {
  return findDevices(options.among ?? devices, answersFrom(raw), { priceOf, limit: options.limit ?? 20 })
}

function picksOf<Device>(result: FinderResult<Device>): FinderPick<Device>[] {
  return result.entries.filter((entry): entry is FinderPick<Device> => entry.kind === 'device')
}
const idsOf = (result: FinderResult<FinderDevice>) => picksOf(result).map((pick) => pick.device._id)
const excludedIds = (result: FinderResult<FinderDevice>) => result.excluded.map((entry) => entry.device._id)
const pickOf = (result: FinderResult<FinderDevice>, id: string) =>
  picksOf(result).find((pick) => pick.device._id === id)!
const reasonFor = (pick: FinderPick<FinderDevice>, criterion: string) =>
  pick.reasons.find((reason) => reason.score?.criterion === criterion)

const professionalConcerns: Concern[] = ['scarring', 'acneScarring', 'stretchMarks', 'looseSkin', 'alopecia', 'rosacea']

describe('the finder, for each skin concern', () => {
  // The expected first device for each concern, with the area the concern defaults to.
  const expected: Record<Concern, { first: string; area: BodyArea }> = {
    wrinkles: { first: 'unpriced-roller', area: 'face' },
    pigmentation: { first: 'face-roller', area: 'face' },
    scarring: { first: 'clinic-roller', area: 'face' },
    acneScarring: { first: 'clinic-roller', area: 'face' },
    stretchMarks: { first: 'clinic-body-roller', area: 'body' },
    looseSkin: { first: 'clinic-pen', area: 'face' },
    alopecia: { first: 'clinic-pen', area: 'scalp' },
    rosacea: { first: 'calm-roller', area: 'face' },
  }

  it('covers every concern in the vocabulary', () => {
    expect(Object.keys(expected).sort()).toEqual(valuesOf(concerns).sort())
  })

  it.each(valuesOf(concerns))('%s: puts first a device our editors list for it, and says why', (concern) => {
    const result = find({ concern })
    expect(result.answers.area).toBe(expected[concern].area)
    const [first] = picksOf(result)
    expect(first?.device._id).toBe(expected[concern].first)
    expect(first?.device.concerns).toContain(concern)
    expect(reasonFor(first!, 'concern')).toMatchObject({
      kind: 'fits',
      text: expect.stringMatching(/^Our editors list it for /),
    })
    for (const pick of picksOf(result)) {
      const listed = pick.device.concerns.includes(concern)
      expect(reasonFor(pick, 'concern')?.kind).toBe(listed ? 'fits' : 'doesNotFit')
    }
  })

  it.each(valuesOf(concerns))(
    '%s: leads with "see a professional" exactly when that is the honest answer',
    (concern) => {
      const result = find({ concern, setting: 'home' })
      const advice = result.entries.filter((entry) => entry.kind === 'seeAProfessional')
      if (professionalConcerns.includes(concern)) {
        expect(advice).toHaveLength(1)
        expect(result.entries[0]).toBe(advice[0])
        expect(advice[0]).toMatchObject({
          concern,
          heading: expect.stringContaining('start with a dermatologist or trained practitioner'),
        })
        expect(advice[0]!.kind === 'seeAProfessional' && advice[0]!.paragraphs.join(' ')).toContain(
          'limited and partly temporary',
        )
      } else {
        expect(advice).toEqual([])
        expect(result.entries[0]?.kind).toBe('device')
      }
    },
  )

  it('ranks devices that reach the depth clinics work at above home devices that cannot, for deep concerns', () => {
    const result = find({ concern: 'acneScarring' })
    expect(idsOf(result).slice(0, 2)).toEqual(['clinic-roller', 'clinic-pen'])
    expect(reasonFor(pickOf(result, 'clinic-roller'), 'depth')).toEqual({
      kind: 'fits',
      text: 'Its needles are 1 mm; needles of 1 mm and more reach the deeper dermis, where acne scars sit.',
      score: { criterion: 'depth', points: 20, outOf: 20 },
    })
    expect(reasonFor(pickOf(result, 'scar-stamp'), 'depth')).toMatchObject({
      kind: 'doesNotFit',
      text: 'Its blunt 0.25 mm needles press on the skin rather than pass through it; needles of 1 mm and more reach the deeper dermis, where acne scars sit.',
    })
    const advice = result.entries[0]
    expect(advice?.kind === 'seeAProfessional' && advice.paragraphs[0]).toMatch(/may help/)
  })

  it('says scalp work needs needles of 0.5 mm and more, and that a home device that long brings risk', () => {
    const result = find({ concern: 'alopecia', setting: 'home' })
    expect(reasonFor(pickOf(result, 'scalp-roller'), 'depth')).toMatchObject({
      kind: 'doesNotFit',
      text: expect.stringContaining(
        'needles of 0.5 mm and more reach the dermis, which work on the scalp for hair loss needs',
      ),
    })
    expect(reasonFor(pickOf(result, 'sharp-roller'), 'depth')).toMatchObject({
      kind: 'caution',
      text: expect.stringContaining('At home, needles that long can break the skin'),
    })
    for (const pick of picksOf(result)) {
      expect(pick.reasons).toContainEqual({
        kind: 'caution',
        text: 'Have the cause of hair loss diagnosed before you rely on any device.',
      })
    }
  })

  it('cautions about rosacea on every device, home or professional', () => {
    const result = find({ concern: 'rosacea' })
    for (const pick of picksOf(result)) {
      expect(pick.reasons).toContainEqual({
        kind: 'caution',
        text: 'With rosacea, check with a dermatologist before using it.',
      })
    }
  })

  it('scores no concern or depth when no concern is given, and gives no advice', () => {
    const result = find({})
    expect(result.entries.every((entry) => entry.kind === 'device')).toBe(true)
    for (const pick of picksOf(result)) {
      expect(reasonFor(pick, 'concern')).toBeUndefined()
      expect(reasonFor(pick, 'depth')).toBeUndefined()
    }
  })

  it('keeps its words modest: no cure, guarantee or approval claims anywhere', () => {
    const texts: string[] = []
    for (const concern of [undefined, ...valuesOf(concerns)]) {
      for (const setting of [undefined, 'home', 'professional'] as const) {
        const raw: Record<string, string> = {}
        if (concern) raw.concern = concern
        if (setting) raw.setting = setting
        for (const entry of find(raw).entries) {
          if (entry.kind === 'seeAProfessional') texts.push(entry.heading, ...entry.paragraphs)
          else texts.push(...entry.reasons.map((reason) => reason.text))
        }
      }
    }
    expect(texts.length).toBeGreaterThan(100)
    for (const text of texts) {
      expect(text).not.toMatch(/\bcures?\b|guarantee|FDA|approved|get rid of|will (fix|remove|clear)|\btreats\b/i)
    }
  })
})

describe('the finder, for each body area', () => {
  it('around the eyes, leaves out needles too long for thin skin and prefers the shortest', () => {
    const result = find({ concern: 'wrinkles', area: 'eyes', budget: '100' })
    expect(excludedIds(result)).toEqual(
      expect.arrayContaining(['body-roller', 'sharp-roller', 'clinic-roller', 'clinic-body-roller']),
    )
    expect(result.excluded.find((entry) => entry.device._id === 'body-roller')?.reasons).toEqual([
      {
        kind: 'doesNotFit',
        text: 'Its 0.3 mm needles are longer than the 0.25 mm we suggest at most for the thin skin around the eyes.',
      },
    ])
    expect(idsOf(result).indexOf('eye-roller')).toBeLessThan(idsOf(result).indexOf('face-roller'))
    expect(reasonFor(pickOf(result, 'eye-roller'), 'area')?.kind).toBe('fits')
    expect(reasonFor(pickOf(result, 'face-roller'), 'area')).toMatchObject({
      kind: 'caution',
      text: expect.stringContaining('use a light touch there'),
    })
  })

  it('around the eyes, keeps an adjustable clinic pen with a caution to stay shallow', () => {
    const result = find({ area: 'eyes', setting: 'professional' })
    expect(idsOf(result)).toEqual(['clinic-pen'])
    expect(reasonFor(pickOf(result, 'clinic-pen'), 'area')).toMatchObject({
      kind: 'caution',
      text: 'It goes deeper than the 0.25 mm we suggest for the thin skin around the eyes: a practitioner would keep to its shorter settings there.',
    })
  })

  it.each([
    ['face', ['clinic-body-roller'], 'the face'],
    ['scalp', ['clinic-body-roller'], 'the scalp'],
    ['body', [], 'body areas such as the thighs or abdomen'],
  ] as const)('on the %s, leaves out %j and names the area in every area reason', (area, left, description) => {
    const result = find({ area })
    expect(excludedIds(result)).toEqual(left)
    for (const pick of picksOf(result)) expect(reasonFor(pick, 'area')?.text).toContain(description)
  })

  it('on the body, keeps the 2.0 mm body roller and cautions about a pen that goes deeper still', () => {
    const result = find({ concern: 'stretchMarks' })
    expect(reasonFor(pickOf(result, 'clinic-body-roller'), 'area')?.kind).toBe('fits')
    expect(reasonFor(pickOf(result, 'clinic-pen'), 'area')?.kind).toBe('caution')
  })
})

describe('budget and setting', () => {
  it('leaves out devices over budget, and those without a price, and says so', () => {
    const result = find({ budget: '24' })
    expect(idsOf(result).sort()).toEqual(['body-roller', 'calm-roller', 'eye-roller', 'scalp-roller', 'scar-stamp'])
    const reasons = Object.fromEntries(result.excluded.map((entry) => [entry.device._id, entry.reasons]))
    expect(reasons['face-roller']).toEqual([{ kind: 'doesNotFit', text: 'From £29.00, over your £24.00 budget.' }])
    expect(reasons['unpriced-roller']).toEqual([
      { kind: 'doesNotFit', text: 'No in-stock price in pounds, so we cannot check it against your budget.' },
    ])
    expect(pickOf(result, 'scalp-roller').reasons).toContainEqual({
      kind: 'fits',
      text: 'From £24.00, within your £24.00 budget.',
    })
  })

  it('with no budget, keeps devices whatever their price', () => {
    expect(excludedIds(find({}))).toEqual(['clinic-body-roller'])
  })

  it('for home use, leaves out professional devices; for a clinic, leaves out home devices', () => {
    const home = find({ setting: 'home', area: 'body' })
    expect(picksOf(home).every((pick) => pick.device.intendedUse === 'home')).toBe(true)
    expect(excludedIds(home).sort()).toEqual(['clinic-body-roller', 'clinic-pen', 'clinic-roller'])
    expect(home.excluded[0]?.reasons).toEqual([
      { kind: 'doesNotFit', text: 'For trained practitioners, and you asked for home use.' },
    ])

    const clinic = find({ setting: 'professional', area: 'body' })
    expect(idsOf(clinic).sort()).toEqual(['clinic-body-roller', 'clinic-pen', 'clinic-roller'])
    expect(
      clinic.excluded.every(
        (entry) => entry.reasons[0]?.text === 'For home use, and you asked for devices a clinic uses.',
      ),
    ).toBe(true)
  })

  it('for a clinic, the advice speaks of the practitioner rather than of home devices', () => {
    const result = find({ concern: 'stretchMarks', setting: 'professional' })
    const advice = result.entries[0]
    expect(advice?.kind).toBe('seeAProfessional')
    expect(advice?.kind === 'seeAProfessional' && advice.paragraphs[1]).toMatch(/trained practitioners/)
  })

  it('with no setting, marks every professional device as not one to use at home', () => {
    for (const pick of picksOf(find({ concern: 'scarring' }))) {
      if (pick.device.intendedUse !== 'professional') continue
      expect(pick.reasons).toContainEqual({
        kind: 'caution',
        text: 'For trained practitioners: not a device to use on yourself at home.',
      })
    }
  })
})

describe('experience', () => {
  const pen = device('home-pen', 'Home Pen', 'home', [0.25, 0.5], ['wrinkles'], 7.5, { sterile: true })

  it('puts shorter, blunt needles first for a first-timer, even against a higher rating', () => {
    const result = find({ concern: 'wrinkles', setting: 'home', experience: 'firstTime', budget: '100' })
    const ids = idsOf(result)
    expect(ids.indexOf('face-roller')).toBeLessThan(ids.indexOf('sharp-roller'))
    expect(reasonFor(pickOf(result, 'sharp-roller'), 'experience')).toEqual({
      kind: 'doesNotFit',
      text: 'Sharp needles of 0.5 mm, beyond the usual home range of up to 0.3 mm, can break the skin: not one to start with.',
      score: { criterion: 'experience', points: 0, outOf: finderWeights.experience },
    })
    expect(reasonFor(pickOf(result, 'face-roller'), 'experience')).toMatchObject({
      kind: 'fits',
      text: 'Blunt needles of 0.25 mm, within the usual home range of up to 0.3 mm: a gentle length to start with.',
    })
  })

  it('with experience, cautions about long needles instead of ruling them out', () => {
    const first = find({ concern: 'alopecia', setting: 'home', experience: 'firstTime' })
    const experienced = find({ concern: 'alopecia', setting: 'home', experience: 'experienced' })
    expect(idsOf(first).slice(0, 2)).toEqual(['scalp-roller', 'sharp-roller'])
    expect(idsOf(experienced).slice(0, 2)).toEqual(['sharp-roller', 'scalp-roller'])
    expect(reasonFor(pickOf(experienced, 'sharp-roller'), 'experience')).toMatchObject({
      kind: 'caution',
      text: expect.stringContaining('clean it thoroughly every time'),
    })
    expect(pickOf(experienced, 'sharp-roller').score).toBeGreaterThan(pickOf(first, 'sharp-roller').score)
  })

  it('asks a first-timer to keep an adjustable home device at its shortest', () => {
    const result = find({ concern: 'wrinkles' }, { among: [pen] })
    expect(reasonFor(pickOf(result, 'home-pen'), 'experience')).toMatchObject({
      kind: 'caution',
      text: 'It adjusts beyond the usual home range of up to 0.3 mm; on a first go, keep to its shortest setting.',
    })
    expect(pickOf(result, 'home-pen').reasons).toContainEqual({
      kind: 'fits',
      text: 'It uses sealed, sterile single-use parts, so there is less to clean.',
    })
  })

  it('does not score experience for professional devices, which a practitioner uses', () => {
    expect(reasonFor(pickOf(find({ concern: 'scarring' }), 'clinic-pen'), 'experience')).toBeUndefined()
  })
})

describe('scores, weights and order', () => {
  it('publishes weights that add up to 100, and describes each of them in words', () => {
    expect(Object.values(finderWeights).reduce((sum, points) => sum + points, 0)).toBe(100)
    const words = describeFinderWeights()
    for (const [criterion, points] of [
      ['Skin concern', finderWeights.concern],
      ['Needle depth', finderWeights.depth],
      ['Experience', finderWeights.experience],
      ['Body area', finderWeights.area],
      ['Rating', finderWeights.rating],
    ] as const) {
      expect(words.some((line) => line.startsWith(`${criterion}, ${points} points`))).toBe(true)
    }
    expect(words.join(' ')).toContain('1 mm for acne scarring')
  })

  it('scores each device as the share of the applicable points its reasons earned', () => {
    for (const pick of picksOf(find({ concern: 'acneScarring' }))) {
      const points = pick.reasons.reduce((sum, reason) => sum + (reason.score?.points ?? 0), 0)
      const outOf = pick.reasons.reduce((sum, reason) => sum + (reason.score?.outOf ?? 0), 0)
      expect(pick.score).toBe(Math.round((100 * points) / outOf))
      expect(pick.score).toBeGreaterThanOrEqual(0)
      expect(pick.score).toBeLessThanOrEqual(100)
    }
    const scores = picksOf(find({ concern: 'acneScarring' })).map((pick) => pick.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('gives the same list whatever order the devices arrive in', () => {
    const answers = { concern: 'wrinkles', budget: '60' }
    const baseline = find(answers)
    for (let turn = 0; turn < 5; turn += 1) {
      const shuffled = [...devices].sort((a, b) => ((a._id.length * 7 + turn) % 5) - ((b._id.length * 7 + turn) % 5))
      shuffled.push(...shuffled.splice(0, turn))
      expect(find(answers, { among: shuffled })).toEqual(baseline)
    }
  })

  it('breaks ties by name, then by id', () => {
    const twin = (id: string, name: string) => device(id, name, 'home', 0.25, ['wrinkles'], 7)
    const among = [twin('id-c', 'Bravo'), twin('id-b', 'Alpha'), twin('id-z', 'Bravo'), twin('id-a', 'Bravo')]
    const result = find({ concern: 'wrinkles' }, { among })
    expect(new Set(picksOf(result).map((pick) => pick.score)).size).toBe(1)
    expect(idsOf(result)).toEqual(['id-b', 'id-a', 'id-c', 'id-z'])
    expect(picksOf(result).map((pick) => pick.rank)).toEqual([1, 2, 3, 4])
  })

  it('lists five devices unless asked for another number, and refuses a list of none', () => {
    const answers = answersFrom({})
    expect(picksOf(findDevices(devices, answers, { priceOf }))).toHaveLength(5)
    expect(picksOf(findDevices(devices, answers, { priceOf, limit: 2 }))).toHaveLength(2)
    expect(() => findDevices(devices, answers, { priceOf, limit: 0 })).toThrow(RangeError)
  })
})

describe('the answers', () => {
  it('fills in defaults: first time, and the area a concern is usually about', () => {
    expect(finderAnswersSchema.parse({})).toEqual({ area: 'face', experience: 'firstTime' })
    expect(finderAnswersSchema.parse({ concern: '', area: ' ', budget: '', setting: '' })).toEqual({
      area: 'face',
      experience: 'firstTime',
    })
    expect(finderAnswersSchema.parse({ concern: 'alopecia' }).area).toBe('scalp')
    expect(finderAnswersSchema.parse({ concern: 'stretchMarks' }).area).toBe('body')
    expect(finderAnswersSchema.parse({ concern: 'stretchMarks', area: 'face' }).area).toBe('face')
  })

  it('reads every answer a form can send', () => {
    const answers: FinderAnswers = finderAnswersSchema.parse({
      concern: 'acneScarring',
      area: 'eyes',
      experience: 'experienced',
      budget: '£49.99',
      setting: 'professional',
      utm_source: 'newsletter',
    })
    expect(answers).toEqual({
      concern: 'acneScarring',
      area: 'eyes',
      experience: 'experienced',
      budgetGbp: 49.99,
      setting: 'professional',
    })
    expect(finderAnswersSchema.parse({ budget: '50' }).budgetGbp).toBe(50)
  })

  it.each([
    ['concern', 'tattoos', 'Skin concern: choose one of the listed concerns.'],
    ['concern', 'Wrinkles', 'Skin concern: choose one of the listed concerns.'],
    ['area', 'knees', 'Body area: choose one of the listed areas.'],
    ['experience', 'expert', 'Experience: choose whether this would be your first time or not.'],
    ['setting', 'spa', 'Setting: choose home use or a clinic.'],
    ['budget', 'cheap', 'Budget: enter an amount in pounds, such as 50.'],
    ['budget', '1e3', 'Budget: enter an amount in pounds, such as 50.'],
    ['budget', '-5', 'Budget: enter an amount in pounds, such as 50.'],
    ['budget', '0', 'Budget: enter an amount above £0.'],
    ['budget', '5000000', 'Budget: enter an amount of £1,000,000 or less.'],
  ])('refuses %s=%j, saying what was wrong', (question, value, message) => {
    const result = finderAnswersSchema.safeParse({ [question]: value })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[question, message]])
  })

  it('refuses the same question answered twice', () => {
    expect(finderAnswersSchema.safeParse({ concern: ['wrinkles', 'rosacea'] }).success).toBe(false)
  })

  it('for the page, uses the answers it can and names the ones it refused', () => {
    expect(
      parseFinderAnswers({ concern: 'alopecia', area: 'knees', budget: ['30', '40'], experience: 'experienced' }),
    ).toEqual({
      answers: { concern: 'alopecia', area: 'scalp', experience: 'experienced', budgetGbp: 30 },
      problems: ['Body area: choose one of the listed areas.', 'Only your first answer for budget was used.'],
    })
    expect(parseFinderAnswers({})).toEqual({ answers: { area: 'face', experience: 'firstTime' }, problems: [] })
  })
})

describe('the finder over the sample dataset', async () => {
  const catalogue = (
    await loadDeviceListPage(createEmbeddedSource(sampleDatasetPath), { sort: 'name' }, 1, { pageSize: 1000 })
  ).devices
  const run = (raw: Record<string, string>, limit?: number) =>
    findDevices(catalogue, finderAnswersSchema.parse(raw), { priceOf: lowestBuyablePriceGbp, limit })
  const names = (entries: FinderEntry<(typeof catalogue)[number]>[]) =>
    entries.map((entry) => (entry.kind === 'device' ? entry.device.name : entry.kind))

  it('accounts for every listed device, as a pick or as left out', () => {
    expect(catalogue.length).toBeGreaterThan(10)
    const result = run({ concern: 'wrinkles', area: 'eyes', setting: 'home', budget: '30' }, 100)
    expect(picksOf(result).length + result.excluded.length).toBe(catalogue.length)
  })

  it('acne scarring at home on a small budget: the advice first, then the home stamp listed for it', () => {
    const result = run({ concern: 'acneScarring', setting: 'home', budget: '50' })
    expect(names(result.entries).slice(0, 2)).toEqual(['seeAProfessional', 'Luma Titanium Stamp 0.25 mm'])
    expect(picksOf(result)).toHaveLength(5)
    for (const pick of picksOf(result)) {
      expect(pick.device.intendedUse).toBe('home')
      expect(reasonFor(pick, 'depth')?.kind).toBe('doesNotFit')
    }
    expect(
      result.excluded.find((entry) => entry.device.name === 'Fernhill Titanium Roller 0.5 mm')?.reasons,
    ).toContainEqual({
      kind: 'doesNotFit',
      text: 'No in-stock price in pounds, so we cannot check it against your budget.',
    })
  })

  it('hair loss at home: the scalp roller first, with the depth it cannot reach', () => {
    const result = run({ concern: 'alopecia', setting: 'home' })
    const [advice, first] = result.entries
    expect(advice?.kind).toBe('seeAProfessional')
    expect(first?.kind === 'device' && first.device.name).toBe('Fernhill Scalp Roller 0.25 mm')
  })

  it('fine lines around the eyes at home: the eye roller first, the body roller left out', () => {
    const result = run({ concern: 'wrinkles', area: 'eyes', setting: 'home' })
    expect(names(result.entries)[0]).toBe('Fernhill Gold Eye Roller 0.2 mm')
    expect(result.excluded.map((entry) => entry.device.name)).toContain('Luma Body Roller 0.3 mm')
  })

  it('stretch marks with no setting: the advice, then clinic devices before any home device', () => {
    const result = run({ concern: 'stretchMarks' })
    expect(result.entries[0]?.kind).toBe('seeAProfessional')
    const uses = picksOf(result).map((pick) => pick.device.intendedUse)
    expect(uses.slice(0, 4)).toEqual(['professional', 'professional', 'professional', 'professional'])
    expect(uses.lastIndexOf('professional')).toBeLessThan(uses.indexOf('home') === -1 ? Infinity : uses.indexOf('home'))
  })

  it('holds a budget against the lowest in-stock price in pounds', () => {
    const scalp = catalogue.find((entry) => entry.name === 'Fernhill Scalp Roller 0.25 mm')!
    // £25.99 is out of stock and US$28.50 is not in pounds: only £24 counts.
    expect(lowestBuyablePriceGbp(scalp)).toBe(24)
    const result = run({ concern: 'alopecia', setting: 'home', budget: '24' })
    expect(names(result.entries)).toContain('Fernhill Scalp Roller 0.25 mm')
  })
})
