import { localDateTime, requireActor, unprocessable, responseRecord as record, type PluginApp, type PluginContext } from '@linli/sdk';
import { fail, untickedConfirm } from '../errors.js';
import { checkSchema, electionSchema, nominateSchema, publishSchema, type CheckInput, type ElectionInput, type NominateInput } from '../forms/committee.js';
import { maskName } from '../mask.js';
import { checkerTitles } from '../negative-list.js';
import { checks, electionForStaff, electionsVisible, myPendingChecks, nominate, openElection, publish, recordCheck, type CheckRow } from '../service/committee.js';
import { reading, writing } from '../service/env.js';
import { created, doc, errors, idParams, items, writeErrors } from './schemas.js';

const electionItem = record({ id: 'string', title: 'string', compoundName: 'string', seats: 'integer', status: 'string', statusTitle: 'string', candidates: 'integer', pending: 'integer' });
const candidateItem = record({ id: 'string', name: 'string', unit: 'string', nomination: 'string', passed: 'integer', failed: 'integer', pending: 'integer', dueAt: 'string', overdue: 'string', verdict: 'string' });
const checkItem = record({ id: 'string', candidate: 'string', kind: 'string', item: 'string', checker: 'string', result: 'string', reason: ['string', 'null'], dueAt: 'string', overdue: 'string', checkedAt: ['string', 'null'] });
const ownerItem = record({ id: 'string', unit: 'string', name: 'string' });

const resultTitle = { pending: '待审查', pass: '通过', fail: '不通过' } as const;

/** Owners' committee formation: preparatory group, nominations, vetting against the negative list (联审), the published list. */
export function committeeRoutes(app: PluginApp, ctx: PluginContext): void {
  const offset = () => ctx.deployment.calendar.utcOffsetHours;
  const checkView = (now: Date) => (c: CheckRow) => ({
    id: String(c.id),
    candidate: `${maskName(c.ownerName)}（${c.buildingName}）`,
    kind: c.itemKind,
    item: c.itemText,
    checker: c.checkerName ?? checkerTitles.community!,
    result: resultTitle[c.result],
    reason: c.reason,
    dueAt: new Date(c.dueAt).toISOString(),
    overdue: c.result === 'pending' && now.getTime() > new Date(c.dueAt).getTime() ? '逾期' : '',
    checkedAt: c.checkedAt ? localDateTime(new Date(c.checkedAt), offset()) : null,
  });

  app.get('/elections', { config: { policy: 'authenticated' }, schema: { ...doc('Owners’ committee elections in my scope'), response: { 200: items(electionItem), ...errors } } }, async (req) => {
    const env = reading(ctx);
    const rows = await electionsVisible(env, requireActor(req));
    const all = rows.length ? await checks(env.db).where('e.id', 'in', rows.map((r) => r.id)).execute() : [];
    return {
      items: rows.map((r) => {
        // A candidacy that ended (no longer an owner) is not counted, nor are its items waiting.
        const mine = all.filter((c) => c.electionId === r.id && c.withdrawnAt === null);
        return { id: String(r.id), title: r.title, compoundName: r.compoundName, seats: r.seats, status: r.status, statusTitle: r.status === 'published' ? '已公布' : '提名审查中', candidates: new Set(mine.map((c) => c.candidateId)).size, pending: mine.filter((c) => c.result === 'pending').length };
      }),
    };
  });

  app.post<{ Body: ElectionInput }>('/elections', { config: { policy: 'authenticated' }, schema: { ...doc('Set up the preparatory group and open nominations for a compound'), body: electionSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await writing(ctx, (env) => openElection(env, actor, req.body));
    return reply.status(201).send({ id: String(id) });
  });

  app.get<{ Params: { id: string } }>('/elections/:id/owners', { config: { policy: 'authenticated' }, schema: { ...doc('Owners on the compound’s roll who may be nominated (names masked)'), params: idParams, response: { 200: items(ownerItem), ...errors } } }, async (req) => {
    const env = reading(ctx);
    const e = await electionForStaff(env, requireActor(req), req.params.id);
    const rows = await env.db
      .selectFrom('owners_self_governance_owners as w')
      .innerJoin('owners_self_governance_units as u', 'u.id', 'w.unit_id')
      .innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id')
      .select(['w.id', 'w.name', 'b.name as building', 'u.room'])
      .where('u.building_path', 'like', `${e.compoundPath}%`)
      .where('w.removed_at', 'is', null)
      .orderBy('b.name')
      .orderBy('u.room')
      .orderBy('w.id')
      .execute();
    return { items: rows.map((r) => ({ id: String(r.id), unit: `${r.building}${r.room}`, name: maskName(r.name) })) };
  });

  app.post<{ Params: { id: string }; Body: NominateInput }>('/elections/:id/candidates', { config: { policy: 'authenticated' }, schema: { ...doc('Nominate an owner; opens one check per negative-list item for its department'), params: idParams, body: nominateSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await writing(ctx, (env) => nominate(env, actor, req.params.id, req.body));
    return reply.status(201).send({ id: String(id) });
  });

  app.get<{ Params: { id: string } }>('/elections/:id/candidates', { config: { policy: 'authenticated' }, schema: { ...doc('Candidates with the state of their vetting'), params: idParams, response: { 200: items(candidateItem), ...errors } } }, async (req) => {
    const env = reading(ctx);
    const e = await electionForStaff(env, requireActor(req), req.params.id);
    const all = (await checks(env.db).where('e.id', '=', e.id).orderBy('c.candidate_id').execute()) as CheckRow[];
    const noms = await env.db.selectFrom('owners_self_governance_candidates').select(['id', 'nomination', 'withdrawn_at as withdrawnAt']).where('election_id', '=', e.id).execute();
    return {
      items: noms.map((k) => {
        const mine = all.filter((c) => c.candidateId === k.id);
        const first = mine[0]!;
        const failed = mine.filter((c) => c.result === 'fail').length;
        const pending = mine.filter((c) => c.result === 'pending').length;
        const overdue = pending > 0 && env.now.getTime() > new Date(first.dueAt).getTime();
        return {
          id: String(k.id),
          name: maskName(first.ownerName),
          unit: `${first.buildingName}${first.room}`,
          nomination: k.nomination,
          passed: mine.filter((c) => c.result === 'pass').length,
          failed,
          pending,
          dueAt: new Date(first.dueAt).toISOString(),
          overdue: overdue ? '逾期' : '',
          // 指导规则第三十七条: no longer an owner of the compound, the candidate cannot stand (the row stays, as do ticks cast for them).
          verdict: k.withdrawnAt !== null ? '候选资格终止（不再是业主）' : failed ? '未通过' : pending ? '审查中' : '通过',
        };
      }),
    };
  });

  app.get<{ Params: { id: string } }>('/candidates/:id/checks', { config: { policy: 'authenticated' }, schema: { ...doc('Every item of a candidate’s vetting, with its checker and the reason for a failed item'), params: idParams, response: { 200: items(checkItem), ...errors } } }, async (req) => {
    const env = reading(ctx);
    const actor = requireActor(req);
    const rows = (await checks(env.db).where('c.candidate_id', '=', Number(req.params.id)).orderBy('c.id').execute()) as CheckRow[];
    if (rows.length) await electionForStaff(env, actor, String(rows[0]!.electionId));
    return { items: rows.map(checkView(env.now)) };
  });

  app.get('/checks', { config: { policy: 'authenticated' }, schema: { ...doc('Vetting items waiting for me (my department’s, or my community’s)'), response: { 200: items(checkItem), ...errors } } }, async (req) => {
    const env = reading(ctx);
    return { items: (await myPendingChecks(env, requireActor(req))).map(checkView(env.now)) };
  });

  app.post<{ Params: { id: string }; Body: CheckInput }>('/checks/:id', { config: { policy: 'authenticated' }, schema: { ...doc('Record one vetting item: passes, or fails with the reason'), params: idParams, body: checkSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    if (req.body.checkId !== req.params.id) throw unprocessable({ 'zh-CN': '表单中的审查事项与链接不一致，请从“候选人联审”重新打开。', en: 'The form names another item than the link: open it again from Candidate vetting.' }, [{ path: '/checkId', message: `expected ${req.params.id}` }]);
    await writing(ctx, (env) => recordCheck(env, actor, req.params.id, { result: req.body.result === '通过' ? 'pass' : 'fail', ...(req.body.reason ? { reason: req.body.reason } : {}) }));
    return reply.status(201).send({ id: req.params.id });
  });

  app.post<{ Params: { id: string }; Body: { confirm: boolean } }>('/elections/:id/publish', { config: { policy: 'authenticated' }, schema: { ...doc('Publish the vetted list (name and building) once every item is checked'), params: idParams, body: publishSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    if (!req.body.confirm) throw fail('OSG_ERR_PUBLISH_NOT_CONFIRMED', [], untickedConfirm);
    await writing(ctx, (env) => publish(env, actor, req.params.id));
    return reply.status(201).send({ id: req.params.id });
  });
}
