import { parseId, requireActor, visiblePaths, type PluginApp, type PluginContext } from '@linli/sdk';
import { areaText } from '../art278.js';
import { fail, untickedConfirm } from '../errors.js';
import { ballotSchema, candidateBallotSchema, candidatePaperSchema, choiceOf, closeSchema, matterOfTitle, paperSchema, voteSchema, type BallotInput, type CandidateBallotInput, type CandidatePaperInput, type PaperInput, type VoteInput } from '../forms/vote.js';
import { reading, writing, personOf } from '../service/env.js';
import { outcomeText, renderResult } from '../service/result-page.js';
import { counts, voteView } from '../service/views.js';
import { slateOfVote } from '../service/seat.js';
import { castOnline, closeVote, countVote, openVote, recordPaper, voteForReader, voteForStaff } from '../service/votes.js';
import { unitsOfPerson } from '../store/units.js';
import { turnoutOf, votesOfUnits, votesUnder } from '../store/votes.js';
import { candidateItem, closedResult, created, doc, errors, idParams, items, myVoteItem, orgQuery, pendingItem, voteItem, voteQuery, writeErrors } from './schemas.js';


/** Owners' votes: staff set them up, record paper ballots and close them; owners vote on the portal; anyone concerned reads the count. */
export function voteRoutes(app: PluginApp, ctx: PluginContext): void {
  app.get<{ Querystring: { orgId?: string } }>('/votes', { config: { policy: 'authenticated' }, schema: { ...doc('Owners’ votes in my scope, newest first'), querystring: orgQuery, response: { 200: items(voteItem), ...errors } } }, async (req) => {
    const env = reading(ctx);
    const rows = await votesUnder(env.db, visiblePaths(requireActor(req)));
    const c = await counts(env.db, rows);
    return { items: rows.map((r) => voteView(r, c.get(r.id))) };
  });

  app.post<{ Body: VoteInput }>('/votes', { config: { policy: 'authenticated' }, schema: { ...doc('Set up an owners’ vote for a compound or one building; the electorate is frozen now'), body: voteSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    const matter = matterOfTitle(req.body.matter)!;
    const id = await writing(ctx, (env) => openVote(env, actor, { scopeOrgId: req.body.scopeOrgId, title: req.body.title, matter, ...(req.body.days ? { days: req.body.days } : {}) }));
    return reply.status(201).send({ id: String(id) });
  });

  app.get<{ Params: { id: string } }>('/votes/:id/result', { config: { policy: 'authenticated' }, schema: { ...doc('The count by Art. 278 with its arithmetic and the units that voted (not how), printable HTML'), params: idParams, response: { ...errors } } }, async (req, reply) => {
    const env = reading(ctx);
    const vote = await voteForReader(env, requireActor(req), req.params.id);
    const from = ctx.deployment.plugins.find((p) => p.name === vote.originPlugin)?.title['zh-CN'];
    const html = renderResult(vote, vote.result ?? (await countVote(env, vote)), await turnoutOf(env.db, vote.id), ctx.deployment.calendar.utcOffsetHours, from, await slateOfVote(env, vote.id));
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get<{ Params: { id: string } }>('/votes/:id/candidates', { config: { policy: 'authenticated' }, schema: { ...doc('The published candidates a committee election’s vote decides (name and building), for the ballot’s boxes'), params: idParams, response: { 200: items(candidateItem), ...errors } } }, async (req) => {
    const env = reading(ctx);
    const vote = await voteForReader(env, requireActor(req), req.params.id);
    // A candidate no longer an owner of the compound (candidacy ended) gets no box.
    return { items: (await slateOfVote(env, vote.id)).filter((c) => c.withdrawnAt === null).map((c) => ({ id: String(c.id), name: c.name, building: c.building })) };
  });

  app.get<{ Params: { id: string } }>('/votes/:id/pending', { config: { policy: 'authenticated' }, schema: { ...doc('Units of the vote that have not voted yet (for recording paper ballots)'), params: idParams, response: { 200: items(pendingItem), ...errors } } }, async (req) => {
    const env = reading(ctx);
    const vote = await voteForStaff(env, requireActor(req), req.params.id);
    const rows = await env.db
      .selectFrom('owners_self_governance_electorate as e')
      .innerJoin('owners_self_governance_units as u', 'u.id', 'e.unit_id')
      .innerJoin('linli_orgs as o', 'o.id', 'u.building_org_id')
      .leftJoin('owners_self_governance_ballots as b', (j) => j.onRef('b.vote_id', '=', 'e.vote_id').onRef('b.unit_id', '=', 'e.unit_id'))
      .select(['u.id', 'o.name as buildingName', 'u.room', 'e.area_centi as areaCenti'])
      .where('e.vote_id', '=', vote.id)
      .where('b.unit_id', 'is', null)
      .orderBy('o.name')
      .orderBy('u.room')
      .execute();
    return { items: rows.map((r) => ({ id: String(r.id), buildingName: r.buildingName, room: r.room, area: areaText(r.areaCenti) })) };
  });

  app.post<{ Params: { id: string }; Body: PaperInput }>('/votes/:id/paper', { config: { policy: 'authenticated' }, schema: { ...doc('Record a paper ballot with the photo of the signed ballot'), params: idParams, body: paperSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    await writing(ctx, (env) => recordPaper(env, actor, req.params.id, { unitId: req.body.unitId, choice: choiceOf[req.body.choice], photos: req.body.photos }));
    return reply.status(201).send({ id: req.body.unitId });
  });

  app.post<{ Params: { id: string }; Body: CandidatePaperInput }>('/votes/:id/candidate-paper', { config: { policy: 'authenticated' }, schema: { ...doc('Record a committee election’s paper ballot (the candidates ticked on it) with its photo'), params: idParams, body: candidatePaperSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    await writing(ctx, (env) => recordPaper(env, actor, req.params.id, { unitId: req.body.unitId, ticks: req.body.candidateIds ?? [], photos: req.body.photos }));
    return reply.status(201).send({ id: req.body.unitId });
  });

  app.post<{ Params: { id: string }; Body: { confirm: boolean } }>('/votes/:id/close', { config: { policy: 'authenticated' }, schema: { ...doc('Close the vote, count it by Art. 278 and publish the outcome'), params: idParams, body: closeSchema, response: { 200: closedResult, ...writeErrors } } }, async (req) => {
    const actor = requireActor(req);
    if (!req.body.confirm) throw fail('OSG_ERR_CLOSE_NOT_CONFIRMED', [], untickedConfirm);
    const d = await writing(ctx, (env) => closeVote(env, actor, req.params.id));
    return { id: req.params.id, outcome: outcomeText(d), passed: d.passed, quorum: d.quorum };
  });

  app.get('/my/votes', { config: { policy: 'authenticated' }, schema: { ...doc('Votes my units take part in, with whether I may still vote'), response: { 200: items(myVoteItem), ...errors } } }, async (req) => {
    const env = reading(ctx);
    const mine = await unitsOfPerson(env.db, personOf(requireActor(req)));
    // One row per vote and owner: an owner's several units in a vote share one ballot (owner-identity.ts).
    const all = await votesOfUnits(env.db, mine.map((u) => u.id));
    const rows = all.filter((r, i) => all.findIndex((x) => x.id === r.id && x.voterUnitId === r.voterUnitId) === i);
    const moreUnits = (r: (typeof rows)[number]) => all.filter((x) => x.id === r.id && x.voterUnitId === r.voterUnitId).length;
    const cast = rows.length
      ? await env.db.selectFrom('owners_self_governance_ballots').select(['vote_id', 'unit_id']).where('vote_id', 'in', rows.map((r) => r.id)).where('unit_id', 'in', mine.map((u) => u.id)).execute()
      : [];
    return {
      items: rows.map((r) => {
        const unit = mine.find((u) => u.id === r.unitId)!;
        const voted = cast.some((c) => c.vote_id === r.id && c.unit_id === r.unitId);
        const open = r.status === 'open' && env.now.getTime() < new Date(r.closesAt).getTime();
        return {
          id: String(r.id),
          title: r.title,
          scopeName: r.scopeName,
          matterTitle: voteView(r, undefined).matterTitle,
          unit: `${unit.buildingName}${unit.room}${moreUnits(r) > 1 ? `等${moreUnits(r)}套` : ''}`,
          closesAt: new Date(r.closesAt).toISOString(),
          status: r.status,
          statusTitle: voted ? '已投票' : open ? '待投票' : '已结束',
          canVote: open && !voted ? 'yes' : 'no',
          ballot: r.seats === null ? 'question' : 'candidates',
          seats: r.seats,
          outcome: r.result ? outcomeText(r.result as never) : null,
        };
      }),
    };
  });

  app.get<{ Querystring: { vote?: string } }>('/my/units', { config: { policy: 'authenticated' }, schema: { ...doc('My units; with vote=, those that may still vote in it'), querystring: voteQuery, response: { 200: items(pendingItem), ...errors } } }, async (req) => {
    const env = reading(ctx);
    let mine = await unitsOfPerson(env.db, personOf(requireActor(req)));
    const voteId = parseId(req.query.vote ?? '');
    if (voteId !== null) {
      const inVote = await env.db.selectFrom('owners_self_governance_electorate').select('unit_id').where('vote_id', '=', voteId).execute();
      const done = await env.db.selectFrom('owners_self_governance_ballots').select('unit_id').where('vote_id', '=', voteId).execute();
      mine = mine.filter((u) => inVote.some((e) => e.unit_id === u.id) && !done.some((d) => d.unit_id === u.id));
    }
    return { items: mine.map((u) => ({ id: String(u.id), buildingName: u.buildingName, room: u.room, area: areaText(u.areaCenti) })) };
  });

  app.post<{ Params: { id: string }; Body: BallotInput }>('/votes/:id/ballot', { config: { policy: 'authenticated' }, schema: { ...doc('An owner votes for their unit, once (a ballot is final)'), params: idParams, body: ballotSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    await writing(ctx, (env) => castOnline(env, actor, req.params.id, { unitId: req.body.unitId, choice: choiceOf[req.body.choice], confirm: req.body.confirm }));
    return reply.status(201).send({ id: req.body.unitId });
  });

  app.post<{ Params: { id: string }; Body: CandidateBallotInput }>('/votes/:id/candidate-ballot', { config: { policy: 'authenticated' }, schema: { ...doc('An owner ticks the candidates they agree with in a committee election, at most the seats, once (a ballot is final)'), params: idParams, body: candidateBallotSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    await writing(ctx, (env) => castOnline(env, actor, req.params.id, { unitId: req.body.unitId, ticks: req.body.candidateIds ?? [], confirm: req.body.confirm }));
    return reply.status(201).send({ id: req.body.unitId });
  });
}
