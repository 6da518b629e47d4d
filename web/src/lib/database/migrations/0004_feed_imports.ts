import type { Migration } from './index'

/**
 * Feed imports: one row per run with its counts; the prices held for an editor (with the patch an
 * approval applies); the items the last run of each partner could not match or refused; and how
 * many runs in a row each offer has been missing from its feed.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'feed imports',
  sql: `
create table feed_imports (
  id bigserial primary key,
  partner_id text not null,
  partner text not null,
  started_at timestamptz not null,
  duration_ms integer not null,
  applied boolean not null,
  outcome text not null check (outcome in ('applied', 'planned', 'unchanged', 'failed')),
  detail text,
  items_read integer not null default 0,
  matched integer not null default 0,
  changed integer not null default 0,
  held integer not null default 0,
  refused integer not null default 0,
  unmatched integer not null default 0,
  missing integer not null default 0,
  not_applied integer not null default 0
);
create index feed_imports_started_at on feed_imports (started_at desc);

create table feed_held_changes (
  id bigserial primary key,
  import_id bigint not null references feed_imports (id) on delete cascade,
  partner_id text not null,
  device_id text not null,
  device_name text not null,
  offer_key text not null,
  item_id text not null,
  current_price double precision not null,
  proposed_price double precision not null,
  currency text not null,
  reason text not null,
  patch jsonb not null,
  status text not null default 'held' check (status in ('held', 'approved', 'rejected', 'superseded')),
  decided_at timestamptz,
  decision_detail text
);
create index feed_held_changes_open on feed_held_changes (status, device_id, offer_key);

create table feed_import_items (
  id bigserial primary key,
  import_id bigint not null references feed_imports (id) on delete cascade,
  partner_id text not null,
  kind text not null check (kind in ('unmatched', 'refused')),
  item_id text,
  row_number integer,
  title text,
  gtin text,
  link text,
  price double precision,
  currency text,
  reason text
);
create index feed_import_items_partner on feed_import_items (partner_id, kind);

create table feed_offer_misses (
  partner_id text not null,
  offer_key text not null,
  misses integer not null,
  primary key (partner_id, offer_key)
);
`,
}
