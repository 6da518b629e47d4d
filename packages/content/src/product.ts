/**
 * The product's own name, in one place, spelt as the sample's site settings spell it: the
 * Studio's title, and the site's name wherever the editors' settings give none (fallback pages,
 * metadata, the outage page).
 */
export const productName = 'Needle Notes'
