// Compiled by ../typeAgreement.test.ts, which expects no errors: the same checks as
// disagreeing.ts with the real schemas, so a failure there is the disagreement and nothing else.
import type { z } from 'zod'
import type { guideSummarySchema, offerRedirectSchema, sitemapSchema } from '../../src/schemas.ts'
import type { Agrees, Assert, QueryResult } from '../../src/typeAgreement.ts'

type Guides = z.output<typeof guideSummarySchema>[]
type Redirect = z.output<typeof offerRedirectSchema>
type Sitemap = z.output<typeof sitemapSchema>

export const guides: Assert<Agrees<Guides, QueryResult<'guideSummariesQuery'>, 'guides'>> = true
export const redirect: Assert<Agrees<Redirect, QueryResult<'offerRedirectQuery'>, 'redirect'>> = true
export const sitemap: Assert<Agrees<Sitemap, QueryResult<'sitemapQuery'>, 'sitemap'>> = true
