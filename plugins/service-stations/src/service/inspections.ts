import { notFound, parseId, personIdOf, type Actor, type Kysely, type PluginContext } from '@linli/sdk';
import { fail } from '../errors.js';
import type { InspectionInput } from '../forms/inspection.js';
import type { RectificationData } from '../forms/rectification.js';
import { periodOf, nextPeriod } from '../periods.js';
import { canInspect } from '../permissions.js';
import { completeInspection, getInspection, insertResults, linkTicket, openInspections, type InspectionRow } from '../store/inspections.js';
import { typed } from '../store/tables.js';
import { RECTIFICATION_WORKFLOW } from '../workflows/rectification.js';
import { currentPeriod, settingsOf } from './env.js';
import { visibleStation } from './stations.js';
import { seesPath } from '@linli/sdk';

export const OPEN_PERIOD_JOB = 'service-stations.open-period';

/**
 * Opens the period's inspection of every station (the job's work) and
 * schedules the job of the next period at its start: a chain of jobs, one
 * key per period, so however many instances run a period opens once.
 */
export async function openPeriod(ctx: PluginContext, trx: Kysely<any>, periodId: string): Promise<number> {
  const s = settingsOf(ctx);
  const opened = await openInspections(typed(trx), periodId, ctx.now());
  const current = currentPeriod(ctx);
  // The period the job was for may be past (a server that was down): the chain continues from now.
  const next = nextPeriod(current.id === periodId ? current : periodOf(ctx.now(), s.period, s.offsetHours), s.period, s.offsetHours);
  await ctx.jobs.schedule(trx, OPEN_PERIOD_JOB, { key: `open:${next.id}`, runAt: next.start, payload: { period: next.id } });
  return opened;
}

/** At every start: the job that opens the current period's inspections, due now (a no-op once that period's job exists). */
export async function scheduleCurrentPeriod(ctx: PluginContext, trx: Kysely<any>): Promise<void> {
  const p = currentPeriod(ctx);
  await ctx.jobs.schedule(trx, OPEN_PERIOD_JOB, { key: `open:${p.id}`, runAt: ctx.now(), payload: { period: p.id } });
}

/** 发起检查: an inspector opens this period's inspection of one station by hand (a new station, or before the job ran). */
export async function openOne(ctx: PluginContext, trx: Kysely<any>, actor: Actor, stationId: string): Promise<InspectionRow> {
  const s = settingsOf(ctx);
  const station = await visibleStation(trx, stationId, (p) => seesPath(actor, p));
  if (!canInspect(actor, station.org_path, s)) throw fail('SS_ERR_NOT_INSPECTOR', [s.inspectorRoles.join(', '), station.name]);
  const period = currentPeriod(ctx).id;
  await openInspections(typed(trx), period, ctx.now(), [station.id]);
  const row = await typed(trx).selectFrom('service_stations_inspections').select('id').where('station_id', '=', station.id).where('period', '=', period).executeTakeFirstOrThrow();
  return (await getInspection(typed(trx), row.id))!;
}

/** The inspection if the actor sees its station; 404 otherwise. */
export async function visibleInspection(db: Kysely<any>, actor: Actor, id: string): Promise<InspectionRow> {
  const n = parseId(id);
  const row = n === null ? undefined : await getInspection(typed(db), n);
  if (!row || !seesPath(actor, row.station_path)) throw notFound(`Inspection ${id}`);
  return row;
}

/**
 * Records an inspection: one verdict and photo per checklist item, and for
 * every failed item a rectification ticket through the core's ticket service
 * (the same checks and hooks as POST /api/tickets), filed at the station's
 * org. All in the caller's transaction: if one ticket fails, nothing is saved.
 */
export async function recordInspection(ctx: PluginContext, trx: Kysely<any>, actor: Actor, id: string, input: InspectionInput): Promise<InspectionRow> {
  const db = typed(trx);
  const s = settingsOf(ctx);
  const inspection = await visibleInspection(trx, actor, id);
  const station = await visibleStation(trx, String(inspection.station_id), () => true);
  if (!canInspect(actor, station.org_path, s)) throw fail('SS_ERR_NOT_INSPECTOR', [s.inspectorRoles.join(', '), station.name]);
  if (inspection.status === 'done') throw fail('SS_ERR_ALREADY_INSPECTED', [station.name, inspection.period]);
  for (const item of s.checklist) {
    const r = input.items[item.key]!;
    if (r.result === '不合格' && !r.reason?.trim()) {
      throw fail('SS_ERR_REASON_REQUIRED', [item.title], [{ path: `/items/${item.key}/reason`, message: 'say why it failed', localized: { 'zh-CN': '请填写不合格原因', en: 'say why it failed' } }]);
    }
  }
  if (!(await completeInspection(db, inspection.id, personIdOf(actor), ctx.now(), input.note?.trim() || null))) throw fail('SS_ERR_ALREADY_INSPECTED', [station.name, inspection.period]);
  await insertResults(
    db,
    s.checklist.map((item) => {
      const r = input.items[item.key]!;
      const passed = r.result === '合格';
      return { inspection_id: inspection.id, item_key: item.key, item_title: item.title, passed, reason: passed ? null : r.reason!.trim(), photos: JSON.stringify(r.photos), ticket_id: null, ticket_state: null };
    }),
  );
  for (const item of s.checklist) {
    const r = input.items[item.key]!;
    if (r.result === '合格') continue;
    const data: RectificationData = {
      title: `${station.name}：${item.title}不合格`,
      station: station.name,
      item: item.title,
      reason: r.reason!.trim(),
      photos: r.photos,
      inspectionId: String(inspection.id),
      itemKey: item.key,
    };
    const ticket = await ctx.tickets.create(trx, actor, { workflow: RECTIFICATION_WORKFLOW, orgId: String(station.org_id), data });
    await linkTicket(db, inspection.id, item.key, Number(ticket.id), ticket.state);
  }
  return (await getInspection(db, inspection.id))!;
}
