// Compiled by ../typeAgreement.test.ts, which expects exactly these failures, each naming its field.
// Every schema here is a real one from schemas.ts with one deliberate mistake.
import { z } from 'zod'
import { guideSummarySchema, offerRedirectSchema, sitemapSchema } from '../../src/schemas.ts'
import type { Agrees, Assert, QueryResult } from '../../src/typeAgreement.ts'

/** A renamed field: `summary` spelled `sumary`. */
const renamedField = guideSummarySchema.omit({ summary: true }).extend({ sumary: z.string().nullish() })
type Guides = z.output<typeof renamedField>[]
export const guides: Assert<Agrees<Guides, QueryResult<'guideSummariesQuery'>, 'guides'>> = true

/** A leaf of the wrong kind, inside a nested object: `allowedHosts` as one string, not a list. */
const wrongKind = offerRedirectSchema.extend({
  partner: offerRedirectSchema.shape.partner.extend({ allowedHosts: z.string() }),
})
type Redirect = z.output<typeof wrongKind>
export const redirect: Assert<Agrees<Redirect, QueryResult<'offerRedirectQuery'>, 'redirect'>> = true

/** A list item that lacks a field the query returns: `_updatedAt` forgotten in sitemap entries. */
const forgottenField = sitemapSchema.extend({ guides: z.array(z.object({ slug: z.string() })) })
type Sitemap = z.output<typeof forgottenField>
export const sitemap: Assert<Agrees<Sitemap, QueryResult<'sitemapQuery'>, 'sitemap'>> = true
