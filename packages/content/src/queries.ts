import { defineQuery } from 'groq'

/**
 * Every GROQ query the site runs, in one module. The same text runs on the Content Lake and on the
 * embedded dataset (groq-js), so a query that works in tests works in production.
 *
 * Filters are parenthesised on purpose: `&&` binds tighter than `||`, and a filter that mixes them
 * without parentheses quietly matches drafts or other types.
 */

/** `allowedHosts` and `trackingParameter` let pages leave out an offer whose link /go/ would refuse (see partnerLinks.ts). */
const partnerProjection = /* groq */ `{ _id, name, "slug": slug.current, allowedHosts, trackingParameter }`

const authorFields = /* groq */ `_id, name, "slug": slug.current, role, credentials`

const authorProjection = /* groq */ `{ ${authorFields} }`

/** Fields every device card and table row needs. */
const deviceSummaryFields = /* groq */ `
  _id,
  _updatedAt,
  name,
  "slug": slug.current,
  "brand": brand->{ _id, name, "slug": slug.current },
  formFactor,
  intendedUse,
  "needleLengthMm": select(
    needleSpec.adjustable == true => { "min": needleSpec.minLengthMm, "max": needleSpec.maxLengthMm },
    { "min": needleSpec.lengthMm, "max": needleSpec.lengthMm }
  ),
  "needles": needleSpec{ adjustable, needleCount, cartridgeConfigurations, material, tip, replaceableHead, sterileSingleUseParts },
  concerns,
  rating,
  verdict,
  pros,
  cons,
  "images": images[]{ _key, alt, asset },
  "offers": offers[]{
    "key": _key,
    url,
    price,
    currency,
    availability,
    priceCheckedAt,
    "partner": partner->${partnerProjection}
  }
`

export const siteSettingsQuery = defineQuery(`*[_id == "siteSettings"][0]{
  siteName,
  tagline,
  affiliateDisclosureShort,
  affiliateDisclosureFull,
  medicalDisclaimer,
  "homeDeviceCaveats": homeDeviceCaveats[]{ _key, statement, details }
}`)

export const deviceSummariesQuery = defineQuery(`*[(_type == "device") && defined(slug.current)] | order(name asc){
  ${deviceSummaryFields}
}`)

export const deviceBySlugQuery = defineQuery(`*[(_type == "device") && (slug.current == $slug)][0]{
  ${deviceSummaryFields},
  review,
  care,
  lastReviewedAt,
  "writer": writer->${authorProjection},
  "medicalReviewer": medicalReviewer->${authorProjection}
}`)

export const devicesBySlugsQuery = defineQuery(`*[(_type == "device") && (slug.current in $slugs)]{
  ${deviceSummaryFields}
}`)

export const comparisonSummariesQuery =
  defineQuery(`*[(_type == "comparison") && defined(slug.current)] | order(publishedAt desc){
  _id,
  _updatedAt,
  title,
  "slug": slug.current,
  verdict,
  publishedAt,
  "deviceNames": devices[]->name
}`)

export const comparisonBySlugQuery = defineQuery(`*[(_type == "comparison") && (slug.current == $slug)][0]{
  _id,
  _updatedAt,
  title,
  "slug": slug.current,
  verdict,
  body,
  publishedAt,
  "devices": devices[]->{ ${deviceSummaryFields} }
}`)

export const guideSummariesQuery = defineQuery(`*[(_type == "guide") && defined(slug.current)] | order(title asc){
  _id,
  _updatedAt,
  title,
  "slug": slug.current,
  summary
}`)

export const guideBySlugQuery = defineQuery(`*[(_type == "guide") && (slug.current == $slug)][0]{
  _id,
  _updatedAt,
  title,
  "slug": slug.current,
  summary,
  body,
  lastReviewedAt,
  "writer": writer->${authorProjection},
  "medicalReviewer": medicalReviewer->${authorProjection}
}`)

export const authorsQuery = defineQuery(`*[(_type == "author") && defined(slug.current)] | order(name asc){
  ${authorFields},
  bio
}`)

/** What /go/<device>/<offer> needs to redirect: the stored URL and the partner's rules, nothing else. */
export const offerRedirectQuery = defineQuery(`*[(_type == "device") && (slug.current == $device)][0]{
  "offer": offers[_key == $offer][0]{
    "key": _key,
    url,
    "partner": partner->{ _id, name, allowedHosts, trackingParameter }
  }
}.offer`)

export const sitemapQuery = defineQuery(`{
  "devices": *[(_type == "device") && defined(slug.current)]{ "slug": slug.current, _updatedAt },
  "comparisons": *[(_type == "comparison") && defined(slug.current)]{ "slug": slug.current, _updatedAt },
  "guides": *[(_type == "guide") && defined(slug.current)]{ "slug": slug.current, _updatedAt }
}`)

/**
 * Every address the site has a page or a partner link for: the /go/ proxy checks invented
 * addresses against it before any other query, so they cost nothing and leave nothing cached.
 */
export const knownPathsQuery = defineQuery(`{
  "devices": *[(_type == "device") && defined(slug.current)]{ "slug": slug.current, "offerKeys": offers[]._key },
  "comparisons": *[(_type == "comparison") && defined(slug.current)]{ "slug": slug.current },
  "guides": *[(_type == "guide") && defined(slug.current)]{ "slug": slug.current }
}`)
