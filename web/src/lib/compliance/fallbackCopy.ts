import { productName } from '@microneedling/content/product'
import type { Caveat } from '@microneedling/content/schemas'

/**
 * The site's own wording, used only when the site settings cannot be read: pages that show a home
 * device still carry its caveats, and health pages still carry a disclaimer. (There is no fallback
 * affiliate disclosure on purpose: without the editors' text, partner links are not shown at all.)
 */
export const fallbackHomeDeviceCaveats: Caveat[] = [
  {
    _key: 'fallback-needles',
    statement: 'Home devices have shorter, blunter needles that are not meant to go deep into the skin.',
    details: undefined,
  },
  { _key: 'fallback-results', statement: 'Results are limited, and partly temporary.', details: undefined },
  {
    _key: 'fallback-hygiene',
    statement: 'They are harder to keep clean than single-use clinic needles, which brings a risk of infection.',
    details: undefined,
  },
  { _key: 'fallback-time', statement: 'Microneedling is not a quick fix.', details: undefined },
  {
    _key: 'fallback-dermatologist',
    statement: 'See a dermatologist before you start, and if your skin reacts.',
    details: undefined,
  },
]

export const fallbackMedicalDisclaimer =
  'This site gives general information, not medical advice. Speak to a dermatologist or doctor about your own skin before you start any treatment.'

/** The site's name when the settings give none: the product's name, which the Studio is titled with too. */
export const fallbackSiteName = productName
