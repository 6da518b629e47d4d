/** How long a client should wait before asking again for a page that was temporarily unavailable. */
export const retryAfterSeconds = 60

/** The page whose HTML is served, with a 503, in place of a page whose content could not be read. */
export const unavailablePagePath = '/unavailable'
