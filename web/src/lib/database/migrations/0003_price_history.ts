import type { Migration } from './index'

/**
 * Each offer's prices over time: one row per change (price, currency or stock), with when it was
 * first and last seen, and who first saw it. Nothing about shoppers. Read by the device page's
 * price chart and its "price drop" rule (packages/content/src/priceHistory.ts); kept as long as clicks.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'price history',
  sql: `
create table price_observations (
  id bigserial primary key,
  device_id text not null,
  offer_key text not null,
  partner_id text not null,
  price numeric not null check (price >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  availability text not null check (availability in ('inStock', 'limitedStock', 'preOrder', 'outOfStock')),
  source text not null check (source in ('feed', 'editor', 'link-check')),
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  check (last_seen_at >= first_seen_at)
);
create index price_observations_offer on price_observations (device_id, offer_key, first_seen_at desc);
create index price_observations_last_seen_at on price_observations (last_seen_at);
`,
}
