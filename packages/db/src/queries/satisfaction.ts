import type { Actor } from '@linli/core';
import { sql, type Kysely } from 'kysely';
import type { CoreTables } from '../schema.js';
import { visibleTo } from './tickets.js';

/**
 * The one definition of "satisfied" (满意): the resident rated the closed
 * ticket 4 or 5 of 5. The dashboards and the public board both count by it.
 */
export const satisfiedRating = 4;

/** Satisfaction figures of the tickets closed in one month under one org (a child of the org asked for, or that org itself). */
export interface SatisfactionRow {
  /** The child org (or the org asked for itself, for tickets filed there). */
  orgId: string;
  orgName: string;
  /** `YYYY-MM` in the city's local time. */
  month: string;
  closed: number;
  /** Closed with the resident's rating (1–5). */
  rated: number;
  /** Rated `satisfiedRating` (4) or more. */
  satisfied: number;
  ratingSum: number;
  /** Closed where a rating step leads (the good ending), but without a rating: staff closed it for the resident. */
  unrated: number;
  /** Closed tickets reopened at least once on the way. */
  reopened: number;
}

export interface SatisfactionFilter {
  /** The org whose children the figures are grouped by; its own path. */
  orgPath: string;
  /** Closed at or after this moment. */
  since: Date;
  /** The city's offset from UTC, for months as people there count them. */
  utcOffsetHours: number;
  /** The (workflow, state) pairs a rating step leads to: closing there without a rating is "not rated". */
  ratedEndings: readonly { workflow: string; state: string }[];
}

/**
 * Ratings and reopenings of closed tickets, by month of closing and by the
 * org directly below the one asked for, over the tickets the actor may see
 * (the visibility policy in the WHERE, as everywhere). Counts cast to int in
 * SQL: PGlite and pg return int8 differently.
 */
export async function satisfactionRows(db: Kysely<CoreTables>, actor: Actor, f: SatisfactionFilter): Promise<SatisfactionRow[]> {
  const prefixLength = f.orgPath.length;
  // The id of the org right below the one asked for, read from the ticket's materialized path ('' when filed at that org).
  const child = sql<string>`split_part(substr(org_path, ${prefixLength + 1}), '/', 1)`;
  const month = sql<string>`to_char((closed_at at time zone 'UTC') + make_interval(hours => ${f.utcOffsetHours}), 'YYYY-MM')`;
  const ending = f.ratedEndings.length
    ? sql<boolean>`(${sql.join(f.ratedEndings.map((e) => sql`(workflow = ${e.workflow} and state = ${e.state})`), sql` or `)})`
    : sql<boolean>`false`;
  const rows = await db
    .selectFrom('linli_tickets')
    .select([
      child.as('child'),
      month.as('month'),
      sql<number>`count(*)::int`.as('closed'),
      sql<number>`(count(rating))::int`.as('rated'),
      sql<number>`(count(*) filter (where rating >= ${satisfiedRating}))::int`.as('satisfied'),
      sql<number>`coalesce(sum(rating), 0)::int`.as('rating_sum'),
      sql<number>`(count(*) filter (where rating is null and ${ending}))::int`.as('unrated'),
      sql<number>`(count(*) filter (where reopen_count > 0))::int`.as('reopened'),
    ])
    .where(visibleTo(actor))
    .where('closed_at', 'is not', null)
    .where('closed_at', '>=', f.since)
    .where('org_path', 'like', `${f.orgPath}%`)
    // By position: the two expressions carry parameters, and PostgreSQL matches GROUP BY expressions by text.
    .groupBy(sql`1, 2`)
    .orderBy(sql`2 desc, 1`)
    .execute();
  const ids = [...new Set(rows.map((r) => Number(r.child)).filter((n) => Number.isInteger(n) && n > 0))];
  const names = new Map((ids.length ? await db.selectFrom('linli_orgs').select(['id', 'name']).where('id', 'in', ids).execute() : []).map((o) => [String(o.id), o.name]));
  const self = await db.selectFrom('linli_orgs').select(['id', 'name']).where('path', '=', f.orgPath).executeTakeFirst();
  return rows.map((r) => ({
    orgId: r.child || String(self?.id ?? ''),
    orgName: r.child ? (names.get(r.child) ?? r.child) : (self?.name ?? ''),
    month: r.month,
    closed: Number(r.closed),
    rated: Number(r.rated),
    satisfied: Number(r.satisfied),
    ratingSum: Number(r.rating_sum),
    unrated: Number(r.unrated),
    reopened: Number(r.reopened),
  }));
}
