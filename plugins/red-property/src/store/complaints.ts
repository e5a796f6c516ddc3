import { sql } from '@linli/sdk';
import type { ComplaintsTable, Db } from './tables.js';

export async function insertComplaint(db: Db, row: ComplaintsTable): Promise<void> {
  await db.insertInto('red_property_complaints').values(row).execute();
}

export async function getComplaint(db: Db, ticketId: number) {
  return db.selectFrom('red_property_complaints').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
}

export async function updateComplaint(db: Db, ticketId: number, set: Partial<ComplaintsTable>): Promise<void> {
  await db.updateTable('red_property_complaints').set(set).where('ticket_id', '=', ticketId).execute();
}

export interface ComplaintFigures {
  complaints: number;
  open: number;
  responded: number;
  /** Responded after the response deadline, or still unanswered past it. */
  overdue: number;
  /** Mean hours from dispatch to the company's first response; null when none responded. */
  avgResponseHours: number | null;
  verified: number;
  satisfied: number;
}

/**
 * Complaint figures per company for complaints filed in [from, to): what the
 * evaluation shows beside the scores, and the companies page. `now` decides
 * whether an unanswered complaint is already overdue.
 */
export async function complaintFigures(db: Db, companyIds: number[], from: Date | null, to: Date | null, now: Date): Promise<Map<number, ComplaintFigures>> {
  const out = new Map<number, ComplaintFigures>();
  if (!companyIds.length) return out;
  let q = db
    .selectFrom('red_property_complaints as c')
    .select([
      'c.company_org_id',
      sql<number>`cast(count(*) as integer)`.as('complaints'),
      sql<number>`cast(count(*) filter (where c.state not in ('closed', 'rejected', 'withdrawn')) as integer)`.as('open'),
      sql<number>`cast(count(c.responded_at) as integer)`.as('responded'),
      sql<number>`cast(count(*) filter (where c.response_due is not null and coalesce(c.responded_at, ${now}) > c.response_due) as integer)`.as('overdue'),
      sql<number | null>`avg(extract(epoch from (c.responded_at - c.dispatched_at)) / 3600.0)`.as('avg_hours'),
      sql<number>`cast(count(c.satisfaction) as integer)`.as('verified'),
      sql<number>`cast(count(*) filter (where c.satisfaction in ('满意', '基本满意')) as integer)`.as('satisfied'),
    ])
    .where('c.company_org_id', 'in', companyIds)
    .groupBy('c.company_org_id');
  if (from) q = q.where('c.filed_at', '>=', from);
  if (to) q = q.where('c.filed_at', '<', to);
  for (const r of await q.execute()) {
    out.set(r.company_org_id, {
      complaints: r.complaints,
      open: r.open,
      responded: r.responded,
      overdue: r.overdue,
      avgResponseHours: r.avg_hours === null ? null : Math.round(Number(r.avg_hours) * 10) / 10,
      verified: r.verified,
      satisfied: r.satisfied,
    });
  }
  return out;
}

export const noComplaints: ComplaintFigures = { complaints: 0, open: 0, responded: 0, overdue: 0, avgResponseHours: null, verified: 0, satisfied: 0 };
