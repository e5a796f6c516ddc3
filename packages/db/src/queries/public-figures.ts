import { sql, type Kysely } from 'kysely';
import type { CoreTables } from '../schema.js';
import { satisfiedRating } from './satisfaction.js';

/**
 * Figures the public notice board shows from the core: counts only, never a
 * ticket's text or who filed it.
 */

export interface MonthlyClosed {
  /** `YYYY-MM` in the city's local time. */
  month: string;
  closed: number;
  filed: number;
  /** Of those closed that month: rated by the resident (1–5), and satisfied (rated `satisfiedRating` or more). */
  rated: number;
  satisfied: number;
}

/**
 * Tickets filed and closed per month, and the residents' ratings of those
 * closed (linli_tickets.rating, the source the dashboards count too), in the
 * subtree at `path`, from `since` on, months in the city's local time
 * (`offsetHours` east of UTC).
 */
export async function monthlyTicketFigures(db: Kysely<CoreTables>, path: string, since: Date, offsetHours: number): Promise<MonthlyClosed[]> {
  const shift = sql.lit(`${offsetHours} hours`);
  const closed = await db
    .selectFrom('linli_tickets')
    .select([
      sql<string>`to_char(closed_at + interval ${shift}, 'YYYY-MM')`.as('month'),
      sql<number>`cast(count(*) as integer)`.as('n'),
      sql<number>`cast(count(rating) as integer)`.as('rated'),
      sql<number>`cast(count(*) filter (where rating >= ${sql.lit(satisfiedRating)}) as integer)`.as('satisfied'),
    ])
    .where('org_path', 'like', `${path}%`)
    .where('closed_at', '>=', since)
    .groupBy(sql`1`)
    .execute();
  const filed = await db
    .selectFrom('linli_tickets')
    .select([sql<string>`to_char(created_at + interval ${shift}, 'YYYY-MM')`.as('month'), sql<number>`cast(count(*) as integer)`.as('n')])
    .where('org_path', 'like', `${path}%`)
    .where('created_at', '>=', since)
    .groupBy(sql`1`)
    .execute();
  const months = new Map<string, MonthlyClosed>();
  const row = (m: string) => months.get(m) ?? months.set(m, { month: m, closed: 0, filed: 0, rated: 0, satisfied: 0 }).get(m)!;
  for (const r of closed) Object.assign(row(r.month), { closed: Number(r.n), rated: Number(r.rated), satisfied: Number(r.satisfied) });
  for (const r of filed) row(r.month).filed = Number(r.n);
  return [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
}

/** The names of people with an account that occur in `text` (two characters or longer), longest first. */
export async function personNamesIn(db: Kysely<CoreTables>, text: string): Promise<string[]> {
  if (!text) return [];
  const rows = await db
    .selectFrom('linli_people')
    .select('display_name')
    .distinct()
    .where(sql<boolean>`char_length(display_name) >= 2 and strpos(${text}, display_name) > 0`)
    .execute();
  return rows.map((r) => r.display_name).sort((a, b) => b.length - a.length);
}
