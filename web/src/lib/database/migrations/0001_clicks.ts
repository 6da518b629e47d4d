import type { Migration } from './index'

/**
 * Clicks, without anything that identifies a person: no address, agent, cookie or referrer column.
 * Raw events are kept for recent days and rolled up into click_daily (see clicks/rollUp.ts).
 */
export const migration0001: Migration = {
  version: 1,
  name: 'clicks',
  sql: `
create table click_events (
  id bigserial primary key,
  occurred_at timestamptz not null,
  device text not null,
  offer text not null,
  partner text not null,
  page_kind text not null,
  filtered boolean not null
);
create index click_events_occurred_at on click_events (occurred_at);

create table click_daily (
  day date not null,
  device text not null,
  offer text not null,
  partner text not null,
  page_kind text not null,
  clicks integer not null default 0,
  filtered integer not null default 0,
  primary key (day, device, offer, partner, page_kind)
);

create table click_drops (
  day date primary key,
  dropped integer not null
);
`,
}
