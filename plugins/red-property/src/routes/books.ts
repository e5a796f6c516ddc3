import { requireActor, type Actor, type PluginApp, type PluginContext } from '@linli/sdk';
import { directory } from '../companies.js';
import { withCommittees } from '../committee.js';
import { compoundFileSchema, fourParties, fourPartyTitle, ledgerEntryBody, matterDoneSchema, meetingSchema, meetingSchemaWithCommittee, practicalMatterSchema, type CompoundFileInput, type LedgerEntryInput, type MatterDoneInput, type MeetingInput, type PracticalMatterInput } from '../forms/books.js';
import { canSeeCompound } from '../permissions.js';
import { addLedgerEntry, addPracticalMatter, compoundFor, finishPracticalMatter, recordMeeting, saveCompoundFile } from '../service/books.js';
import { compoundFiles, ledgerEntries, ledgerTotals, listMatters, listMeetings, openMattersByCompound } from '../store/books.js';
import { dateText, json, typed, type Db } from '../store/tables.js';
import { compoundItem, compoundQuery, created, doc, errors, idParams, items, ledgerItem, matterItem, meetingItem, writeErrors } from './schemas.js';

const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** 四方联席会议 and the three ledgers 三本账 of each compound. */
export function bookRoutes(app: PluginApp, ctx: PluginContext): void {
  const db = (): Db => typed(ctx.db);
  const localYear = () => new Date(ctx.now().getTime() + ctx.deployment.calendar.utcOffsetHours * 3_600_000).getUTCFullYear();

  /** The compounds a list covers: one named (404 if out of scope), or all I see. */
  async function compoundIds(actor: Actor, compoundOrgId?: string): Promise<number[]> {
    if (compoundOrgId) return [Number((await compoundFor(ctx, db(), actor, compoundOrgId, false)).id)];
    return (await directory(ctx, db())).compounds.filter((c) => canSeeCompound(actor, c)).map((c) => Number(c.id));
  }

  const write = <B>(path: string, summary: string, body: object, run: (trx: Db, actor: Actor, b: B) => Promise<number | void>) =>
    app.post<{ Body: B }>(path, { config: { policy: 'authenticated' }, schema: { ...doc(summary), body, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
      const actor = requireActor(req);
      const id = await ctx.transaction((trx) => run(typed(trx), actor, req.body as B));
      return reply.status(201).send({ id: String(id ?? (req.body as { compoundOrgId?: string }).compoundOrgId ?? '') });
    });

  write<MeetingInput>('/meetings', '四方联席会议: record a meeting; a decision needs all four parties present', withCommittees(ctx) ? meetingSchemaWithCommittee : meetingSchema, (trx, a, b) => recordMeeting(ctx, trx, a, b));
  write<CompoundFileInput>('/compound-files', '一区一档: save the facts of a compound', compoundFileSchema, (trx, a, b) => saveCompoundFile(ctx, trx, a, b));
  write<LedgerEntryInput>('/ledger', '物业费及公共收益清单: add an income or expense entry (amount in fen)', ledgerEntryBody, (trx, a, b) => addLedgerEntry(ctx, trx, a, b));
  write<PracticalMatterInput>('/practical-matters', '十件实事: add a matter (at most 10 open per compound and year)', practicalMatterSchema, (trx, a, b) => addPracticalMatter(ctx, trx, a, b));

  app.post<{ Params: { id: string }; Body: MatterDoneInput }>(
    '/practical-matters/:id/done',
    { config: { policy: 'authenticated' }, schema: { ...doc('Mark a practical matter done'), params: idParams, body: matterDoneSchema, response: { 201: created, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      await ctx.transaction((trx) => finishPracticalMatter(ctx, typed(trx), actor, req.params.id, req.body.result));
      return reply.status(201).send({ id: req.params.id });
    },
  );

  app.get(
    '/compounds',
    { config: { policy: 'authenticated' }, schema: { ...doc('三本账: each compound in my scope with its file, ledger balance and open practical matters this year'), response: { 200: items(compoundItem), ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      const visible = (await directory(ctx, db())).compounds.filter((c) => canSeeCompound(actor, c));
      const ids = visible.map((c) => Number(c.id));
      const year = localYear();
      const [files, totals, matters] = await Promise.all([compoundFiles(db(), ids), ledgerTotals(db(), ids), openMattersByCompound(db(), ids, year)]);
      const fileOf = new Map(files.map((f) => [f.compound_org_id, f]));
      return {
        items: visible.map((c) => {
          const f = fileOf.get(Number(c.id));
          const facts = f ? json<{ compoundType?: string; households?: number }>(f.facts) : undefined;
          const t = totals.get(Number(c.id)) ?? { income: 0, expense: 0 };
          return {
            id: c.id,
            name: c.name,
            companyOrgId: c.company.id,
            companyName: c.company.name,
            compoundType: facts?.compoundType ?? null,
            households: facts?.households ?? null,
            incomeFen: t.income,
            expenseFen: t.expense,
            balanceFen: t.income - t.expense,
            balanceYuan: yuan(t.income - t.expense),
            openMatters: matters.get(Number(c.id)) ?? 0,
            year,
            fileUpdatedAt: f ? new Date(f.updated_at).toISOString() : null,
          };
        }),
      };
    },
  );

  app.get<{ Querystring: { compoundOrgId?: string } }>(
    '/ledger',
    { config: { policy: 'authenticated' }, schema: { ...doc('物业费及公共收益清单: entries newest first, each with the balance after it'), querystring: compoundQuery, response: { 200: items(ledgerItem), ...errors } } },
    async (req) => {
      const rows = await ledgerEntries(db(), await compoundIds(requireActor(req), req.query.compoundOrgId));
      const balance = new Map<number, number>();
      const out = rows.map((r) => {
        const amount = Number(r.amount_fen);
        const b = (balance.get(r.compound_org_id) ?? 0) + (r.kind === 'income' ? amount : -amount);
        balance.set(r.compound_org_id, b);
        return {
          id: String(r.id),
          compoundOrgId: String(r.compound_org_id),
          compoundName: r.compound_name,
          kind: r.kind,
          kindTitle: r.kind === 'income' ? '收入' : '支出',
          category: r.category,
          amountFen: amount,
          amountYuan: yuan(amount),
          balanceFen: b,
          balanceYuan: yuan(b),
          purpose: r.purpose,
          occurredOn: dateText(r.occurred_on),
          meetingId: r.meeting_id === null ? null : String(r.meeting_id),
        };
      });
      return { items: out.reverse() };
    },
  );

  app.get<{ Querystring: { compoundOrgId?: string } }>(
    '/meetings',
    { config: { policy: 'authenticated' }, schema: { ...doc('四方联席会议 of the compounds in my scope, newest first'), querystring: compoundQuery, response: { 200: items(meetingItem), ...errors } } },
    async (req) => {
      const rows = await listMeetings(db(), await compoundIds(requireActor(req), req.query.compoundOrgId));
      return {
        items: rows.map((r) => {
          const att = json<Record<string, { present: boolean; attendees?: string }>>(r.attendance);
          const names = (present: boolean) => fourParties.filter((p) => Boolean(att[p]?.present) === present).map((p) => fourPartyTitle[p].zh).join('、');
          return {
            id: String(r.id),
            compoundOrgId: String(r.compound_org_id),
            compoundName: r.compound_name,
            heldOn: dateText(r.held_on),
            topic: r.topic,
            subject: r.subject,
            present: names(true),
            absent: names(false),
            decision: r.decision,
          };
        }),
      };
    },
  );

  app.get<{ Querystring: { compoundOrgId?: string; year?: number } }>(
    '/practical-matters',
    { config: { policy: 'authenticated' }, schema: { ...doc('十件实事 of the compounds in my scope'), querystring: compoundQuery, response: { 200: items(matterItem), ...errors } } },
    async (req) => {
      const rows = await listMatters(db(), await compoundIds(requireActor(req), req.query.compoundOrgId), req.query.year);
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          compoundOrgId: String(r.compound_org_id),
          compoundName: r.compound_name,
          year: r.year,
          title: r.title,
          description: r.description,
          status: r.status,
          statusTitle: r.status === 'open' ? '办理中' : '已办结',
          result: r.result,
        })),
      };
    },
  );
}
