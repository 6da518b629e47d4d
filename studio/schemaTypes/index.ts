import type { SchemaTypeDefinition } from 'sanity'

import { author } from './documents/author.ts'
import { bestForGuide } from './documents/bestForGuide.ts'
import { brand } from './documents/brand.ts'
import { comparison } from './documents/comparison.ts'
import { device } from './documents/device.ts'
import { guide } from './documents/guide.ts'
import { partner } from './documents/partner.ts'
import { bestForCompetitor } from './objects/bestForCompetitor.ts'
import { bestForPick } from './objects/bestForPick.ts'
import { blockContent } from './objects/blockContent.ts'
import { caveat } from './objects/caveat.ts'
import { consumable } from './objects/consumable.ts'
import { needleSpec } from './objects/needleSpec.ts'
import { offer } from './objects/offer.ts'
import { siteSettings } from './singletons/siteSettings.ts'

export const schemaTypes: SchemaTypeDefinition[] = [
  // Singletons
  siteSettings,
  // Documents
  device,
  comparison,
  guide,
  bestForGuide,
  partner,
  brand,
  author,
  // Objects
  needleSpec,
  offer,
  consumable,
  caveat,
  bestForPick,
  bestForCompetitor,
  blockContent,
]
