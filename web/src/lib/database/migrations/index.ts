import { migration0001 } from './0001_clicks'
import { migration0002 } from './0002_link_checks'
import { migration0003 } from './0003_price_history'
import { migration0004 } from './0004_feed_imports'

export interface Migration {
  version: number
  name: string
  sql: string
}

/** Every schema change, in order. Never edit one that has shipped: add the next. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004]
