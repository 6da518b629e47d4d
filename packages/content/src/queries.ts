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
  sessionsPerMonth,
  "consumables": consumables[]{ "key": _key, kind, price, currency, priceCheckedAt, packSize, usesEach },
  "images": images[]{ _key, alt, asset },
  "offers": offers[]{
    "key": _key,
    url,
    price,
    currency,
    salePrice,
    salePriceEffective,
    availability,
    priceCheckedAt,
    "partner": partner->${partnerProjection}
  }
`

/**
 * The catalogue's filters, one condition each, so the facet counts below can leave one out. A
 * `null` parameter switches its condition off. Every list, count and facet query filters with
 * these, so a count always agrees with the list it describes.
 */
/**
 * A device with a page. Its use is checked here too, not only by zod: whether a device is for home
 * use decides which caveats a page shows, and a count must not include a device no list can show.
 * The values are the vocabulary's `intendedUses` (a test keeps the two the same).
 */
const isListedDevice = /* groq */ `(_type == "device") && defined(slug.current) && (intendedUse in ["home", "professional"])`
const byUse = /* groq */ `($use == null || intendedUse == $use)`
const byForm = /* groq */ `($form == null || formFactor == $form)`
const byMaterial = /* groq */ `($material == null || needleSpec.material == $material)`
const byConcern = /* groq */ `($concern == null || $concern in concerns)`
/** The shortest and longest needle a device can be set to (one length for a fixed device). */
const shortestNeedle = /* groq */ `select(needleSpec.adjustable == true => needleSpec.minLengthMm, needleSpec.lengthMm)`
const longestNeedle = /* groq */ `select(needleSpec.adjustable == true => needleSpec.maxLengthMm, needleSpec.lengthMm)`
/** A device matches a length range when any length it can be set to lies inside the range. */
const byNeedle = /* groq */ `($minNeedle == null || ${longestNeedle} >= $minNeedle)
  && ($maxNeedle == null || ${shortestNeedle} <= $maxNeedle)`
/**
 * What a shopper pays for an offer now: its sale price while the sale applies (below the price,
 * inside its period), else its price, as `shopperPrice` in offerPrice.ts works it out.
 */
const payingPrice = /* groq */ `select(
    defined(salePrice) && salePrice > 0 && salePrice < price
      && (!defined(salePriceEffective.from) || dateTime(salePriceEffective.from) <= dateTime(now()))
      && (!defined(salePriceEffective.to) || dateTime(now()) < dateTime(salePriceEffective.to)) => salePrice,
    price
  )`
/**
 * The "from" price: the cheapest offer a shopper can buy now, in pounds when any shop in stock
 * quotes pounds. An offer out of stock never sets it, so a device out of stock everywhere has
 * none: it sorts last and no price filter matches it. web/src/lib/catalogue/prices.ts applies the
 * same rule to the offers a page shows.
 */
const fromPrice = /* groq */ `coalesce(
    math::min(offers[(availability != "outOfStock") && (currency == "GBP")]{ "pays": ${payingPrice} }.pays),
    math::min(offers[availability != "outOfStock"]{ "pays": ${payingPrice} }.pays)
  )`
const byPrice = /* groq */ `($minPrice == null || ${fromPrice} >= $minPrice) && ($maxPrice == null || ${fromPrice} <= $maxPrice)`

/**
 * Running costs, worked out as packages/content/src/runningCosts.ts works them out for a page (a
 * test runs both on the same devices): only for a device with a whole number of sessions a month,
 * consumables that can all be priced in pounds, and an offer in pounds in stock, so that the "from"
 * price is in pounds too. The kinds are the vocabulary's `consumableKinds`.
 */
const isPricedConsumable = /* groq */ `kind in ["replacementHead", "cartridge", "wholeDevice"]
  && packSize >= 1 && packSize % 1 == 0 && usesEach >= 1 && usesEach % 1 == 0
  && (kind == "wholeDevice" || (price > 0 && currency == "GBP"))`
const hasRunningCosts = /* groq */ `(sessionsPerMonth >= 1 && sessionsPerMonth % 1 == 0 && count(consumables) > 0
  && count(consumables[${isPricedConsumable}]) == count(consumables)
  && count(offers[(availability != "outOfStock") && (currency == "GBP")]) > 0)`
/**
 * The device's "from" price beside what a year of running costs needs, named once each, as GROQ
 * has no variables: the projections after it read them (`^.` from each consumable).
 */
const runningCostFacts = /* groq */ `{ "devicePrice": ${fromPrice}, "sessions": sessionsPerMonth * 12, consumables }`
/**
 * The device and a year of what it uses up, to the penny: for each consumable, the units the
 * year's sessions use, less what comes with the device (a fitted head; the device bought, with the
 * rest of its pack), bought in whole packs. GROQ has no ceil(): a quotient is rounded up with `%`.
 */
const firstYearCost = /* groq */ `select(${hasRunningCosts} => ${runningCostFacts}{
    "cost": round(devicePrice + math::sum(consumables[]{
      packSize,
      "packPrice": select(kind == "wholeDevice" => ^.devicePrice, price),
      "units": (^.sessions - ^.sessions % usesEach) / usesEach + select(^.sessions % usesEach > 0 => 1, 0)
        - select(kind == "replacementHead" => 1, kind == "wholeDevice" => packSize, 0)
    }{
      "cost": select(units > 0 => ((units - units % packSize) / packSize + select(units % packSize > 0 => 1, 0)) * packPrice, 0)
    }.cost), 2)
  }.cost)`
/** What one session uses up: each consumable's pack price over the uses in a pack. */
const costPerSession = /* groq */ `select(${hasRunningCosts} => ${runningCostFacts}{
    "cost": math::sum(consumables[]{ "share": select(kind == "wholeDevice" => ^.devicePrice, price) / (packSize * usesEach) }.share)
  }.cost)`
/** A device whose first-year cost cannot be worked out matches no first-year limit. */
const byFirstYearCost = /* groq */ `($maxFirstYear == null || ${firstYearCost} <= $maxFirstYear)`

const matchesEveryFilter = /* groq */ `${isListedDevice} && ${byUse} && ${byForm} && ${byMaterial} && ${byConcern} && ${byNeedle} && ${byPrice} && ${byFirstYearCost}`

/**
 * Sort keys for `$sort` (see deviceList.ts): numbers ascending, so descending orders negate them,
 * and a device without the value (no price) sorts last either way. Ties go by name, then id, so
 * pages never overlap.
 */
const sortKeys = /* groq */ `
  "sortFirst": coalesce(select(
    $sort == "rating" => -rating,
    $sort == "price-asc" => ${fromPrice},
    $sort == "price-desc" => -${fromPrice},
    $sort == "needle-asc" => ${shortestNeedle},
    $sort == "needle-desc" => -${longestNeedle},
    $sort == "first-year-asc" => ${firstYearCost},
    $sort == "per-session-asc" => ${costPerSession},
    0
  ), 1000000000),
  "sortSecond": select(
    $sort == "needle-asc" => ${longestNeedle},
    $sort == "needle-desc" => -${shortestNeedle},
    0
  )`

/** One page of the filtered, sorted catalogue (`$start`, `$end`: a slice), with the counts around it. */
export const deviceListPageQuery = defineQuery(`{
  "total": count(*[${matchesEveryFilter}]),
  "catalogueSize": count(*[${isListedDevice}]),
  "devices": *[${matchesEveryFilter}]{ ..., ${sortKeys} }
    | order(sortFirst asc, sortSecond asc, lower(name) asc, _id asc)[$start...$end]{ ${deviceSummaryFields} }
}`)

/**
 * How many devices each filter option would give with the other filters as they are: each facet
 * leaves its own condition out. The options come in as parameters (`$useOptions`...), so the query
 * text stays the same when the vocabulary grows.
 */
export const deviceFacetsQuery = defineQuery(`{
  "use": $useOptions[]{ value, "count": count(*[${isListedDevice} && (intendedUse == ^.value) && ${byForm} && ${byMaterial} && ${byConcern} && ${byNeedle} && ${byPrice} && ${byFirstYearCost}]) },
  "form": $formOptions[]{ value, "count": count(*[${isListedDevice} && ${byUse} && (formFactor == ^.value) && ${byMaterial} && ${byConcern} && ${byNeedle} && ${byPrice} && ${byFirstYearCost}]) },
  "material": $materialOptions[]{ value, "count": count(*[${isListedDevice} && ${byUse} && ${byForm} && (needleSpec.material == ^.value) && ${byConcern} && ${byNeedle} && ${byPrice} && ${byFirstYearCost}]) },
  "concern": $concernOptions[]{ value, "count": count(*[${isListedDevice} && ${byUse} && ${byForm} && ${byMaterial} && (^.value in concerns) && ${byNeedle} && ${byPrice} && ${byFirstYearCost}]) }
}`)

/** The best-rated devices, and the best for each use, for the home page's picks. */
export const topRatedDevicesQuery = defineQuery(`{
  "overall": *[${isListedDevice}] | order(rating desc, lower(name) asc, _id asc)[0...$count]{ ${deviceSummaryFields} },
  "home": *[${isListedDevice} && (intendedUse == "home")] | order(rating desc, lower(name) asc, _id asc)[0]{ ${deviceSummaryFields} },
  "professional": *[${isListedDevice} && (intendedUse == "professional")] | order(rating desc, lower(name) asc, _id asc)[0]{ ${deviceSummaryFields} }
}`)

/** Device pages rendered at build time: the best-rated, and every device a written comparison names. */
export const prerenderedDeviceSlugsQuery = defineQuery(`{
  "topRated": *[${isListedDevice}] | order(rating desc, lower(name) asc, _id asc)[0...$count].slug.current,
  "compared": *[(_type == "comparison") && defined(slug.current)].devices[]->slug.current
}`)

/** What a device choice shows (the compare page's search and suggestions): a name to pick, no more. */
const deviceChoiceFields = /* groq */ `_id, name, "slug": slug.current, "brand": brand->name, formFactor, intendedUse`

/**
 * Devices whose name or brand match every search word (`$terms`: words ending in `*`), best rated
 * first, at most `$limit`, leaving out those already chosen.
 */
export const deviceSearchQuery =
  defineQuery(`*[${isListedDevice} && !(slug.current in $exclude) && ([name, brand->name] match $terms)]
  | order(rating desc, lower(name) asc, _id asc)[0...$limit]{ ${deviceChoiceFields} }`)

/** Devices like the chosen ones (same form factor and use), best rated first, for one-click adding. */
export const similarDevicesQuery =
  defineQuery(`*[${isListedDevice} && !(slug.current in $exclude) && (formFactor in $formFactors) && (intendedUse in $intendedUses)]
  | order(rating desc, lower(name) asc, _id asc)[0...$limit]{ ${deviceChoiceFields} }`)

export const siteSettingsQuery = defineQuery(`*[_id == "siteSettings"][0]{
  siteName,
  tagline,
  affiliateDisclosureShort,
  affiliateDisclosureFull,
  medicalDisclaimer,
  "homeDeviceCaveats": homeDeviceCaveats[]{ _key, statement, details }
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
  "devices": devices[]->{ ${deviceSummaryFields} }
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

/** A "best for" guide as lists show it: what it is about and who it is for. */
export const bestForGuideSummariesQuery =
  defineQuery(`*[(_type == "bestForGuide") && defined(slug.current)] | order(title asc){
  _id,
  _updatedAt,
  title,
  "slug": slug.current,
  concern,
  whoItIsFor,
  lastUpdatedAt
}`)

/**
 * A "best for" guide's page: each pick and competitor with the device as lists show it (its
 * offers give the pick's price and partner link), and the byline. Device references resolve only
 * to published devices, so a pick whose device is not published is simply absent.
 */
export const bestForGuideBySlugQuery = defineQuery(`*[(_type == "bestForGuide") && (slug.current == $slug)][0]{
  _id,
  _updatedAt,
  title,
  "slug": slug.current,
  concern,
  whoItIsFor,
  howWeChose,
  lastUpdatedAt,
  "picks": picks[]{ "key": _key, role, reason, "device": device->{ ${deviceSummaryFields} } },
  "competition": competition[]{ "key": _key, note, "device": device->{ ${deviceSummaryFields} } },
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

/**
 * One sitemap's worth of pages: devices in a slice (`$start`, `$end`), and, in the first sitemap
 * only (`$withEditorial`), the comparisons and guides (explainers and "best for" guides). With
 * each, the few fields whose absence keeps its page from rendering, so a sitemap does not list a
 * page that answers 404.
 */
export const sitemapQuery = defineQuery(`{
  "devices": *[${isListedDevice}] | order(_id asc)[$start...$end]{ "slug": slug.current, _updatedAt, name, intendedUse, rating, verdict },
  "comparisons": *[$withEditorial && (_type == "comparison") && defined(slug.current)]{ "slug": slug.current, _updatedAt, title, verdict },
  "guides": *[$withEditorial && (_type == "guide") && defined(slug.current)]{ "slug": slug.current, _updatedAt, title },
  "bestForGuides": *[$withEditorial && (_type == "bestForGuide") && defined(slug.current)]{ "slug": slug.current, _updatedAt, title }
}`)

/** How many devices have a page: the number of device sitemaps follows from it. */
export const listedDeviceCountQuery = defineQuery(`count(*[${isListedDevice}])`)

/**
 * Every address the site has a page or a partner link for: the /go/ proxy checks invented
 * addresses against it before any other query, so they cost nothing and leave nothing cached.
 */
export const knownPathsQuery = defineQuery(`{
  "devices": *[(_type == "device") && defined(slug.current)]{ "slug": slug.current, "offerKeys": offers[]._key },
  "comparisons": *[(_type == "comparison") && defined(slug.current)]{ "slug": slug.current },
  "guides": *[(_type == "guide") && defined(slug.current)]{ "slug": slug.current },
  "bestForGuides": *[(_type == "bestForGuide") && defined(slug.current)]{ "slug": slug.current }
}`)
