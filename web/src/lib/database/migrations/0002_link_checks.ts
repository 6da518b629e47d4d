import type { Migration } from './index'

/** One row per request the link checker made to an offer's stored URL. */
export const migration0002: Migration = {
  version: 2,
  name: 'link checks',
  sql: `
create table link_checks (
  id bigserial primary key,
  checked_at timestamptz not null,
  device text not null,
  offer text not null,
  url text not null,
  status_code integer,
  final_url text,
  outcome text not null check (outcome in ('ok', 'redirected-elsewhere', 'broken', 'timed-out')),
  detail text
);
create index link_checks_offer on link_checks (device, offer, checked_at desc);
`,
}
