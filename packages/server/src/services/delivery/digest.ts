import { localDate, type Deployment } from '@linli/core';
import { enqueueJobs, type JobHandler, type NewJob } from '@linli/jobs';
import { sql } from 'kysely';
import type { Notifier } from '../notifier.js';

export const DIGEST_JOB = 'notice.digest';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The next digest at `digest.at` local time (default 08:00) after `now`, keyed by its local date so it is enqueued once. */
export function nextDigestJob(deployment: Deployment, now: Date): NewJob | null {
  const d = deployment.config.notifications?.digest;
  if (!d) return null;
  const offset = deployment.calendar.utcOffsetHours;
  let runAt = digestInstant(deployment, localDate(now, offset));
  if (runAt.getTime() <= now.getTime()) runAt = new Date(runAt.getTime() + DAY);
  const date = localDate(runAt, offset);
  return { kind: DIGEST_JOB, key: `digest:${date}`, payload: { date }, runAt };
}

/** The instant of the digest of a local date (`digest.at` that day, default 08:00). */
function digestInstant(deployment: Deployment, date: string): Date {
  const [h, m] = (deployment.config.notifications?.digest?.at ?? '08:00').split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${date}T00:00:00Z`) + (h * 60 + m) * 60_000 - deployment.calendar.utcOffsetHours * HOUR);
}

/**
 * Leaders' daily digest (config `notifications.digest`): to each person
 * holding one of the roles, per org where they hold it, the counts of its
 * subtree for the day up to the digest's time — tickets filed, tickets overdue now, whistles
 * blown. Counts only: the digest names nobody. Runs in a transaction with
 * its job (once per day across instances) and schedules the next day's.
 */
export function digestHandler(deployment: Deployment, notifier: Notifier): JobHandler<{ date: string }> {
  const roles = deployment.config.notifications?.digest?.roles ?? [];
  return {
    kind: DIGEST_JOB,
    mode: 'transaction',
    async run({ db, job, now }) {
      const next = nextDigestJob(deployment, new Date(now.getTime() + 60_000));
      if (next) await enqueueJobs(db, [next], now);
      if (roles.length === 0) return;
      // The day the digest covers ends at its scheduled time, not whenever the runner got to it: a late
      // or retried run counts the same tickets, and each ticket falls in exactly one day's digest.
      const until = digestInstant(deployment, job.payload.date);
      const since = new Date(until.getTime() - DAY);
      const holders = await db
        .selectFrom('linli_role_assignments as ra')
        .innerJoin('linli_orgs as o', 'o.id', 'ra.org_id')
        .innerJoin('linli_people as p', 'p.id', 'ra.person_id')
        .select(['ra.person_id', 'o.id as org_id', 'o.name', 'o.path'])
        .where('ra.role', 'in', roles)
        .where('p.disabled_at', 'is', null)
        .orderBy('o.id')
        .execute();
      for (const h of holders) {
        const like = `${h.path}%`;
        const counts = await sql<{ new_count: number; overdue_count: number; whistle_count: number }>`
          select
            (select count(*)::int from linli_tickets where org_path like ${like} and created_at >= ${since} and created_at < ${until}) as new_count,
            (select count(*)::int from linli_tickets where org_path like ${like} and closed_at is null and deadline < ${now}) as overdue_count,
            (select count(distinct (x.ticket_id, x.event_seq))::int from linli_ticket_escalations x join linli_tickets t on t.id = x.ticket_id
              where x.kind = 'whistle' and t.org_path like ${like} and x.created_at >= ${since} and x.created_at < ${until}) as whistle_count`.execute(db);
        const c = counts.rows[0]!;
        const vars = { orgName: h.name, date: job.payload.date, newCount: c.new_count, overdueCount: c.overdue_count, whistleCount: c.whistle_count };
        await notifier.notify(db, {
          kind: 'digest.daily',
          ticket: null,
          key: `digest:${job.payload.date}:${h.org_id}`,
          personIds: [h.person_id],
          title: { 'zh-CN': `${h.name}每日汇总 ${job.payload.date}`, en: `${h.name} daily digest ${job.payload.date}` },
          data: vars,
          vars,
          now,
        });
      }
    },
  };
}
