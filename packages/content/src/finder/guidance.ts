import { formatMillimetres } from '../formatting.ts'
import type { Concern } from '../vocabulary.ts'

/**
 * What the finder knows about each skin concern, in the medical reviewer's terms: how deep the
 * work on it is usually done, and whether the honest first answer is a dermatologist or trained
 * practitioner rather than a device. Every concern in the vocabulary must be described here (the
 * type says so), so a new concern cannot reach shoppers without this guidance.
 */

export interface ConcernGuidance {
  /**
   * The needle length the professional devices we list use for this concern, where depth is what
   * decides. Left out for concerns that short home needles are used for.
   */
  depthNeededMm?: number
  /** Where needles of that length reach, and why that matters here: completes "needles of X and more reach …". */
  depthReaches?: string
  /** Whether to use microneedling at all needs a diagnosis or a clinical decision first, whatever the depth. */
  needsClinicalJudgement: boolean
  /** What a shopper with this concern should know first, when a professional is the honest answer. */
  professionalAdvice?: string
  /** Said alongside every device for this concern, home or professional. */
  deviceCaution?: string
}

/**
 * Home needles are not meant to pass through the skin; a concern whose work is done deeper than
 * this belongs with a professional.
 */
export const homeDepthLimitMm = 0.5

export const concernGuidance = {
  wrinkles: { needsClinicalJudgement: false },
  pigmentation: { needsClinicalJudgement: false },
  scarring: {
    depthNeededMm: 1.0,
    depthReaches: 'the deeper dermis, where scar tissue sits',
    needsClinicalJudgement: false,
    professionalAdvice:
      'Scar tissue sits in the dermis, deeper than home needles are meant to go. In a clinic, longer sterile needles may help some scars look smoother over several sessions. A dermatologist or trained practitioner can tell you whether it suits your scar and your skin.',
  },
  acneScarring: {
    depthNeededMm: 1.0,
    depthReaches: 'the deeper dermis, where acne scars sit',
    needsClinicalJudgement: false,
    professionalAdvice:
      'Pitted or deep acne scars sit in the dermis, below the reach of home needles. Professional microneedling, with longer sterile needles set for each part of the face, may help them over a course of sessions spread across months. A dermatologist or trained practitioner can say whether it suits your scars.',
  },
  stretchMarks: {
    depthNeededMm: 1.5,
    depthReaches: 'deep into the dermis, where stretch marks sit',
    needsClinicalJudgement: false,
    professionalAdvice:
      'Stretch marks, older silvery ones above all, are scar tissue deep in the skin, far below where a short, blunt home needle reaches. Clinics use much longer needles for them, and even then results differ a great deal from person to person. A dermatologist or trained practitioner can tell you what is realistic.',
  },
  looseSkin: {
    depthNeededMm: 1.0,
    depthReaches: 'the deeper dermis, where the collagen that keeps skin firm is made',
    needsClinicalJudgement: false,
    professionalAdvice:
      'Firmer skin depends on new collagen deep in the dermis. Clinics use longer needles, or radiofrequency microneedling, for loose skin, and the change comes slowly. A dermatologist or trained practitioner can tell you what it may do for you.',
  },
  alopecia: {
    depthNeededMm: 0.5,
    depthReaches: 'the dermis, which work on the scalp for hair loss needs',
    needsClinicalJudgement: true,
    professionalAdvice:
      'Hair loss can come from many things, among them genes, hormones, thyroid problems and low iron, and some of them need medical care. See a doctor or dermatologist to find the cause first. Where microneedling is part of the plan, it is mostly done in clinics with longer needles than home rollers, often alongside other treatment.',
    deviceCaution: 'Have the cause of hair loss diagnosed before you rely on any device.',
  },
  rosacea: {
    needsClinicalJudgement: true,
    professionalAdvice:
      'Skin with rosacea is easily irritated, and whether microneedling suits it at all is a clinical decision. Ask a dermatologist before you use any device on it; they can also tell you about other options.',
    deviceCaution: 'With rosacea, check with a dermatologist before using it.',
  },
} as const satisfies Record<Concern, ConcernGuidance>

export function guidanceFor(concern: Concern): ConcernGuidance {
  return concernGuidance[concern]
}

/** "needles of 1 mm and more reach the deeper dermis, where acne scars sit" */
export function depthFact(guidance: ConcernGuidance): string | undefined {
  if (guidance.depthNeededMm === undefined || !guidance.depthReaches) return undefined
  return `needles of ${formatMillimetres(guidance.depthNeededMm)} and more reach ${guidance.depthReaches}`
}

/** The honest first answer is a professional: the work is deeper than home needles go, or needs a clinician's call. */
export function needsProfessional(guidance: ConcernGuidance): boolean {
  return guidance.needsClinicalJudgement || (guidance.depthNeededMm ?? 0) > homeDepthLimitMm
}

/** Said once above the list whenever a professional is the honest answer. */
export const homeDeviceLimits =
  'Home devices have shorter, blunter needles that are not meant to pass through the skin, so what they do is limited and partly temporary. They are also harder to clean than they look, and a device that is not cleaned properly raises the risk of infection.'

export const practitionerCare =
  'The devices below are for trained practitioners, who set the depth for each area, work with sterile single-use needles and look after the skin afterwards.'
