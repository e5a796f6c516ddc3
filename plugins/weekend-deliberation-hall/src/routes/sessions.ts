import { notFound, requireActor, type PluginContext, type PluginApp } from '@linli/sdk';
import { participantsSchema, recordSchema, sessionSchema, type ParticipantsInput, type RecordInput, type SessionInput } from '../forms/session.js';
import { sessionVoteSchema, type SessionVoteInput } from '../forms/topic.js';
import { groups } from '../groups.js';
import { renderNotice } from '../notice.js';
import { canReadNotice } from '../permissions.js';
import { addToAgenda, removeFromAgenda, vote } from '../service/agenda.js';
import { hallOfSession, hallsInScope, sessionInScope, type Env } from '../service/env.js';
import { cancelSession, closeSession, createSession, recordDeliberation, recordParticipants } from '../service/sessions.js';
import { agendaViews, sessionViews, type SessionView } from '../service/views.js';
import { agendaOf } from '../store/agenda.js';
import { getSession, listSessions, participantsOf, type SessionRow } from '../store/sessions.js';
import type { SessionStatus } from '../store/tables.js';
import { reading, stepJson, writing } from './context.js';
import { agendaBody, agendaItem, doc, errors, idParams, itemParams, items, sessionDetail, sessionItem, sessionsQuery, stepResult, writeErrors } from './schemas.js';

/** Sessions 议事活动: scheduling, the agenda, the sign-in sheet, the record, votes, the public notice. */
export function sessionRoutes(app: PluginApp, ctx: PluginContext): void {
  const view = async (env: Env, s: SessionRow): Promise<SessionView> => (await sessionViews(env, [s]))[0]!;

  app.get<{ Querystring: { orgId?: string; status?: SessionStatus; limit: number } }>(
    '/sessions',
    { config: { policy: 'authenticated' }, schema: { ...doc('Sessions of the halls in my scope, newest first'), querystring: sessionsQuery, response: { 200: items(sessionItem), ...errors } } },
    async (req) => {
      const env = await reading(ctx);
      const { halls } = await hallsInScope(env, requireActor(req), req.query.orgId);
      const rows = await listSessions(env.db, halls.map((h) => Number(h.compound.id)), { status: req.query.status, limit: req.query.limit });
      return { items: await sessionViews(env, rows) };
    },
  );

  app.post<{ Body: SessionInput }>(
    '/sessions',
    { config: { policy: 'authenticated' }, schema: { ...doc('Schedule a weekend session of a compound’s hall (422 WDH_ERR_NOT_WEEKEND on a weekday)'), body: sessionSchema, response: { 201: sessionItem, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      return reply.status(201).send(await writing(ctx, async (env) => view(env, await createSession(env, actor, req.body))));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/sessions/:id',
    { config: { policy: 'authenticated' }, schema: { ...doc('A session with its sign-in sheet, record, agenda and votes'), params: idParams, response: { 200: sessionDetail, ...errors } } },
    async (req) => {
      const env = await reading(ctx);
      const { session } = await sessionInScope(env, requireActor(req), req.params.id);
      const sheet = (await participantsOf(env.db, [session.id])).get(session.id);
      return {
        session: await view(env, session),
        participants: Object.fromEntries(groups.map((g) => [g, sheet?.get(g) ?? { present: 0, names: null }])),
        record: session.record,
        agenda: agendaViews(await agendaOf(env.db, [session.id])),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/sessions/:id/agenda',
    { config: { policy: 'authenticated' }, schema: { ...doc('The agenda in the order topics were put on, with each vote'), params: idParams, response: { 200: items(agendaItem), ...errors } } },
    async (req) => {
      const env = await reading(ctx);
      const { session } = await sessionInScope(env, requireActor(req), req.params.id);
      return { items: agendaViews(await agendaOf(env.db, [session.id])) };
    },
  );

  app.post<{ Params: { id: string }; Body: { topicId: string } }>(
    '/sessions/:id/agenda',
    { config: { policy: 'authenticated' }, schema: { ...doc('Put an accepted topic on the agenda (409 WDH_ERR_ALREADY_SCHEDULED if it waits on another open session)'), params: idParams, body: agendaBody, response: { 201: stepResult, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      return reply.status(201).send(stepJson(await writing(ctx, (env) => addToAgenda(env, actor, req.params.id, req.body.topicId))));
    },
  );

  app.delete<{ Params: { id: string; topicId: string } }>(
    '/sessions/:id/agenda/:topicId',
    { config: { policy: 'authenticated' }, schema: { ...doc('Take a topic off the agenda; it awaits another session'), params: itemParams, response: { 200: stepResult, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      return stepJson(await writing(ctx, (env) => removeFromAgenda(env, actor, req.params.id, req.params.topicId)));
    },
  );

  app.post<{ Params: { id: string }; Body: ParticipantsInput }>(
    '/sessions/:id/participants',
    { config: { policy: 'authenticated' }, schema: { ...doc('Record the sign-in sheet per stakeholder group (replaces an earlier one)'), params: idParams, body: participantsSchema, response: { 200: sessionItem, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      return writing(ctx, async (env) => view(env, await recordParticipants(env, actor, req.params.id, req.body)));
    },
  );

  app.post<{ Params: { id: string }; Body: RecordInput }>(
    '/sessions/:id/record',
    { config: { policy: 'authenticated' }, schema: { ...doc('Write the deliberation record 协商记录 of a held session'), params: idParams, body: recordSchema, response: { 200: sessionItem, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      return writing(ctx, async (env) => view(env, await recordDeliberation(env, actor, req.params.id, req.body)));
    },
  );

  app.post<{ Params: { id: string }; Body: SessionVoteInput }>(
    '/sessions/:id/votes',
    {
      config: { policy: 'authenticated' },
      schema: {
        ...doc('Record the deliberation and vote on a topic of the agenda; the city’s pass rule decides whether it is resolved or not adopted'),
        params: idParams,
        body: sessionVoteSchema,
        response: { 200: stepResult, ...writeErrors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return stepJson(await writing(ctx, (env) => vote(env, actor, req.params.id, req.body)));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/sessions/:id/close',
    { config: { policy: 'authenticated' }, schema: { ...doc('End a held session; topics not reached go back to await the next'), params: idParams, response: { 200: sessionItem, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      return writing(ctx, async (env) => view(env, await closeSession(env, actor, req.params.id)));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/sessions/:id/cancel',
    { config: { policy: 'authenticated' }, schema: { ...doc('Call off a session that did not take place'), params: idParams, response: { 200: sessionItem, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      return writing(ctx, async (env) => view(env, await cancelSession(env, actor, req.params.id)));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/sessions/:id/notice',
    { config: { policy: 'authenticated' }, schema: { ...doc('The public notice 公示 of a session’s results, printable HTML without personal data'), params: idParams, response: { ...errors } } },
    async (req, reply) => {
      const env = await reading(ctx);
      // Residents of the compound read the notice too, though they do not see the hall's working pages.
      const session = await getSession(env.db, req.params.id);
      const hall = session && hallOfSession(env, session);
      if (!session || !hall || !canReadNotice(requireActor(req), hall.compound.path)) throw notFound(`Session ${req.params.id}`);
      const html = renderNotice({
        session: await view(env, session),
        sheet: (await participantsOf(env.db, [session.id])).get(session.id),
        items: agendaViews(await agendaOf(env.db, [session.id])),
        generatedAt: env.now,
        offsetHours: env.offsetHours,
      });
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
}
