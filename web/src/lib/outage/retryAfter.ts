/** How long a client should wait before asking again for a page that was temporarily unavailable. */
export const retryAfterSeconds = 60
