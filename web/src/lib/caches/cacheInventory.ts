/**
 * Every cache the site keeps, in one list (the README's table "Every cache the site keeps" says the
 * same, and test/cacheInventory.test.ts holds the two together). "Shared" is what several servers with REDIS_URL have in common.
 */
export interface SiteCache {
  name: string
  holds: string
  bound: string
  keptFor: string
  emptiedBy: string
  shared: string
}

export const siteCaches: readonly SiteCache[] = [
  {
    name: 'Rendered pages and data cache',
    holds:
      "Next.js's rendered pages and the Content Lake answers read by slug or without parameters (`unstable_cache`)",
    bound:
      "one entry per page and query, on disk (Next.js keeps up to 50 MB of them in memory); with Redis, each server's copies are at most 5,000 entries and 256 MB",
    keptFor: 'until expired by tag; device pages regenerate hourly, list views every minute',
    emptiedBy: 'the webhook (`revalidateTag`), on every server',
    shared:
      "yes, in Redis; each server serves its copy while it hears change announcements, and when Redis doesn't answer",
  },
  {
    name: "Visitors' query answers",
    holds: 'Content Lake answers to queries whose parameters shoppers choose (filters, price ranges, comparisons)',
    bound: '1,000 answers per server, least recently used first out',
    keptFor: 'until the webhook expires one of their tags',
    emptiedBy: 'the webhook, and its announcement on every server',
    shared: 'no; emptied on every server by the announcement',
  },
  {
    name: 'Known paths',
    holds: 'the slugs and offer keys the site has, so invented addresses cost no query',
    bound: 'one set per content source: the size of the catalogue',
    keptFor: '30 seconds, then served while a fresh copy loads (up to 10 minutes)',
    emptiedBy: 'the webhook, and its announcement on every server',
    shared: 'no; emptied on every server by the announcement',
  },
  {
    name: 'List page counts',
    holds: 'how many pages each kept list view has',
    bound: 'one count per combination of fixed-value filters',
    keptFor: '30 seconds',
    emptiedBy: 'the webhook, and its announcement on every server',
    shared: 'no; emptied on every server by the announcement',
  },
  {
    name: 'Embedded dataset results',
    holds: 'the parsed NDJSON file and query results, on the embedded sample only',
    bound: '500 results per server',
    keptFor: 'until the file changes',
    emptiedBy: 'a new export of the file',
    shared: 'no; every server reads the same file',
  },
  {
    name: 'Revoked report sessions',
    holds: 'sessions signed out before they expire',
    bound: 'one entry per sign-out, for at most 8 hours',
    keptFor: 'until the session would have expired',
    emptiedBy: 'time',
    shared:
      "yes, in Redis; each server also keeps its own, used while Redis doesn't answer and written to Redis once it does",
  },
  {
    name: 'Sign-in attempt limiter',
    holds: 'wrong report secrets in the last minute (10 allowed)',
    bound: 'two counters',
    keptFor: 'two minutes',
    emptiedBy: 'time',
    shared: "yes, in Redis; per server while Redis doesn't answer",
  },
  {
    name: 'Webhook delivery log',
    holds: "the signatures and idempotency keys of webhook deliveries handled, so a repeat isn't handled twice",
    bound: '10,000 deliveries per server; in Redis, one key each',
    keptFor: '15 minutes (a signature is refused after that anyway)',
    emptiedBy: 'time',
    shared: "yes, in Redis; per server while Redis doesn't answer",
  },
]
