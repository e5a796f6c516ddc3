import { localDateTime, requireActor, unprocessable, responseRecord as record, type PluginApp, type PluginContext } from '@linli/sdk';
import { staffing, termState, termStateTitle } from '../committee.js';
import { maskName } from '../mask.js';
import { electionVoteSchema, roleSchema, type ElectionVoteInput, type RoleInput } from '../forms/seat.js';
import { canOversee } from '../permissions.js';
import { reading, writing } from '../service/env.js';
import { openElectionVote, setMemberRole } from '../service/seating.js';
import { latestCommittees, membersOf } from '../store/committee.js';
import { created, doc, errors, idParams, items, writeErrors } from './schemas.js';

const memberItem = record({ id: 'string', compoundOrgId: 'string', compoundName: 'string', name: 'string', building: 'string', role: 'string', termStart: 'string', termEnd: 'string', termState: 'string', termTitle: 'string', seat: 'string', seatTitle: 'string', ended: 'string', staffing: 'string', staffingState: 'string' });

/** The sitting owners' committee: seated from an election's vote, its members' roles, its term. */
export function seatRoutes(app: PluginApp, ctx: PluginContext): void {
  app.post<{ Body: ElectionVoteInput }>('/election-votes', { config: { policy: 'authenticated' }, schema: { ...doc('Open the vote electing the committee from a published election (a ballot per candidate, up to the seats)'), body: electionVoteSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await writing(ctx, (env) => openElectionVote(env, actor, req.body.electionId, { ...(req.body.title ? { title: req.body.title } : {}), ...(req.body.days ? { days: req.body.days } : {}) }));
    return reply.status(201).send({ id: String(id) });
  });

  app.get('/committee-members', { config: { policy: 'authenticated' }, schema: { ...doc('Members of the latest owners’ committee of each compound in my scope, with the term, and the seats that ended with when and why (names public while seated, masked once the seat ended; phones never); how many sit against the seats and the minimum'), response: { 200: items(memberItem), ...errors } } }, async (req) => {
    const env = reading(ctx);
    const actor = requireActor(req);
    const offset = ctx.deployment.calendar.utcOffsetHours;
    const committees = (await latestCommittees(env.db, '/')).filter((c) => canOversee(actor, c.compoundPath));
    const members = await membersOf(env.db, committees.map((c) => c.id), { withEnded: true });
    const sittingIn = new Map<number, number>();
    for (const m of members) if (m.endedAt === null) sittingIn.set(m.committeeId, (sittingIn.get(m.committeeId) ?? 0) + 1);
    return {
      items: members.map((m) => {
        const c = committees.find((x) => x.id === m.committeeId)!;
        const state = termState(c.termEnd, env.now);
        const staff = staffing(sittingIn.get(c.id) ?? 0, c.seats, env.settings.committeeMinMembers);
        const ended = m.endedAt !== null;
        return {
          id: String(m.id),
          compoundOrgId: String(c.compoundOrgId),
          compoundName: c.compoundName,
          // A seat that ended is history, no longer publicized: the name as the roll shows it.
          name: ended ? maskName(m.name) : m.name,
          building: m.building,
          role: m.role,
          termStart: new Date(c.termStart).toISOString(),
          termEnd: new Date(c.termEnd).toISOString(),
          termState: state,
          termTitle: termStateTitle(state, c.termEnd, env.now),
          seat: ended ? 'ended' : 'sitting',
          seatTitle: ended ? '资格终止' : '在任',
          ended: ended ? `${localDateTime(new Date(m.endedAt!), offset)} ${m.endReason ?? ''}`.trim() : '',
          staffing: staff.title,
          staffingState: staff.state,
        };
      }),
    };
  });

  app.post<{ Params: { id: string }; Body: RoleInput }>('/committee-members/:id/role', { config: { policy: 'authenticated' }, schema: { ...doc('Record a member’s role (主任/副主任/委员), as the committee’s first meeting elected it'), params: idParams, body: roleSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    if (req.body.memberId !== req.params.id) throw unprocessable({ 'zh-CN': '表单中的委员与链接不一致，请从“业主委员会”重新打开。', en: 'The form names another member than the link: open it again from the owners’ committee page.' }, [{ path: '/memberId', message: `expected ${req.params.id}` }]);
    await writing(ctx, (env) => setMemberRole(env, actor, req.params.id, req.body.role));
    return reply.status(201).send({ id: req.params.id });
  });
}
