import { requireActor, type PluginContext, type PluginApp } from '@linli/sdk';
import { attendanceSchema, meetingDecisionSchema, scheduleSchema, type AttendanceInput, type MeetingDecisionInput, type ScheduleInput } from '../forms/office.js';
import { renderMinutes, formatLocal } from '../minutes.js';
import { addToAgenda, decide, removeFromAgenda } from '../service/agenda.js';
import { envOf, meetingInScope, type Env } from '../service/env.js';
import { cancelMeeting, closeMeeting, recordAttendance, scheduleMeeting } from '../service/meetings.js';
import { agendaViews, meetingViews, type MeetingView } from '../service/views.js';
import { agendaOf } from '../store/agenda.js';
import { attendanceOf, listMeetings, openStatuses, type MeetingRow } from '../store/meetings.js';
import { loadOffices } from '../store/offices.js';
import type { MeetingStatus } from '../store/tables.js';
import { officesInScope } from './context.js';
import { agendaBody, agendaItem, decisionResult, doc, errors, idParams, itemParams, items, meetingDetail, meetingItem, meetingsQuery, orgQuery, writeErrors } from './schemas.js';


/** Meetings 三方会商: scheduling, attendance, agenda, decisions, minutes. Every write is one transaction. */
export function meetingRoutes(app: PluginApp, ctx: PluginContext): void {
  const read = () => envOf(ctx, ctx.db);
  const write = <T>(fn: (env: Env) => Promise<T>) => ctx.transaction((trx) => fn(envOf(ctx, trx)));
  const view = async (env: Env, m: MeetingRow): Promise<MeetingView> => (await meetingViews(env, await loadOffices(env.db), [m]))[0]!;

  app.get<{ Querystring: { orgId?: string; officeId?: string; status?: MeetingStatus; limit: number } }>(
    '/meetings',
    { config: { policy: 'authenticated' }, schema: { ...doc('Meetings of the offices in my scope, newest first'), querystring: meetingsQuery, response: { 200: items(meetingItem), ...errors } } },
    async (req) => {
      const env = read();
      const { offices } = await officesInScope(env, requireActor(req), req.query.orgId);
      const chosen = req.query.officeId ? offices.filter((o) => o.id === req.query.officeId) : offices;
      const rows = await listMeetings(env.db, chosen.map((o) => Number(o.id)), { status: req.query.status, limit: req.query.limit });
      return { items: await meetingViews(env, offices, rows) };
    },
  );

  app.post<{ Body: ScheduleInput }>(
    '/meetings',
    { config: { policy: 'authenticated' }, schema: { ...doc('Schedule the weekly meeting of a compound; its agenda is generated from the open problems'), body: scheduleSchema, response: { 201: meetingItem, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const meeting = await write(async (env) => view(env, await scheduleMeeting(env, actor, req.body)));
      return reply.status(201).send(meeting);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/meetings/:id',
    { config: { policy: 'authenticated' }, schema: { ...doc('A meeting with its attendance and agenda'), params: idParams, response: { 200: meetingDetail, ...errors } } },
    async (req) => {
      const env = read();
      const { meeting, offices } = await meetingInScope(env, requireActor(req), req.params.id);
      const attendance = (await attendanceOf(env.db, [meeting.id])).get(meeting.id);
      return {
        meeting: (await meetingViews(env, offices, [meeting]))[0],
        attendance: Object.fromEntries(attendance ?? []),
        agenda: agendaViews(offices, await agendaOf(env.db, [meeting.id])),
      };
    },
  );

  app.post<{ Params: { id: string }; Body: AttendanceInput }>(
    '/meetings/:id/attendance',
    { config: { policy: 'authenticated' }, schema: { ...doc('Record who came for each party (replaces an earlier record)'), params: idParams, body: attendanceSchema, response: { 200: meetingItem, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      return write(async (env) => view(env, await recordAttendance(env, actor, req.params.id, req.body)));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/meetings/:id/close',
    { config: { policy: 'authenticated' }, schema: { ...doc('End a held meeting; undecided problems are carried over'), params: idParams, response: { 200: meetingItem, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      return write(async (env) => view(env, await closeMeeting(env, actor, req.params.id)));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/meetings/:id/cancel',
    { config: { policy: 'authenticated' }, schema: { ...doc('Call off a meeting that did not take place; its agenda is carried over'), params: idParams, response: { 200: meetingItem, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      return write(async (env) => view(env, await cancelMeeting(env, actor, req.params.id)));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/meetings/:id/agenda',
    { config: { policy: 'authenticated' }, schema: { ...doc('The agenda, urgent before slow, easy before hard (先急后缓、先易后难)'), params: idParams, response: { 200: items(agendaItem), ...errors } } },
    async (req) => {
      const env = read();
      const { meeting, offices } = await meetingInScope(env, requireActor(req), req.params.id);
      return { items: agendaViews(offices, await agendaOf(env.db, [meeting.id])) };
    },
  );

  app.post<{ Params: { id: string }; Body: { problemId: string } }>(
    '/meetings/:id/agenda',
    { config: { policy: 'authenticated' }, schema: { ...doc('Put a problem on the agenda (409 if it waits on another one)'), params: idParams, body: agendaBody, response: { 201: items(agendaItem), ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const agenda = await write(async (env) => {
        await addToAgenda(env, actor, req.params.id, req.body.problemId);
        const { meeting, offices } = await meetingInScope(env, actor, req.params.id);
        return agendaViews(offices, await agendaOf(env.db, [meeting.id]));
      });
      return reply.status(201).send({ items: agenda });
    },
  );

  app.delete<{ Params: { id: string; problemId: string } }>(
    '/meetings/:id/agenda/:problemId',
    { config: { policy: 'authenticated' }, schema: { ...doc('Take an undecided problem off the agenda'), params: itemParams, response: { 200: items(agendaItem), ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      const agenda = await write(async (env) => {
        await removeFromAgenda(env, actor, req.params.id, req.params.problemId);
        const { meeting, offices } = await meetingInScope(env, actor, req.params.id);
        return agendaViews(offices, await agendaOf(env.db, [meeting.id]));
      });
      return { items: agenda };
    },
  );

  app.post<{ Params: { id: string; problemId: string }; Body: MeetingDecisionInput }>(
    '/meetings/:id/agenda/:problemId/decision',
    {
      config: { policy: 'authenticated' },
      schema: {
        ...doc('Record the decision on a problem: responsible party and deadline. 422 TLO_ERR_NO_QUORUM unless all three parties are present'),
        params: itemParams,
        body: meetingDecisionSchema,
        response: { 200: decisionResult, ...writeErrors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const t = await write((env) => decide(env, actor, req.params.id, req.params.problemId, req.body));
      return { id: t.id, state: t.state, version: t.version, assigneeOrgId: t.assigneeOrgId, deadline: t.deadline?.toISOString() ?? null };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/meetings/:id/minutes',
    { config: { policy: 'authenticated' }, schema: { ...doc('The minutes as a printable HTML document'), params: idParams, response: { ...errors } } },
    async (req, reply) => {
      const env = read();
      const { meeting, office, offices } = await meetingInScope(env, requireActor(req), req.params.id);
      const html = renderMinutes({
        meeting: (await meetingViews(env, offices, [meeting]))[0]!,
        office,
        attendance: (await attendanceOf(env.db, [meeting.id])).get(meeting.id),
        agenda: agendaViews(offices, await agendaOf(env.db, [meeting.id])),
        generatedAt: formatLocal(env.now.toISOString(), env.offsetHours),
        offsetHours: env.offsetHours,
      });
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/agenda',
    { config: { policy: 'authenticated' }, schema: { ...doc('Problems waiting on the agendas of open meetings in my scope'), querystring: orgQuery, response: { 200: items(agendaItem), ...errors } } },
    async (req) => {
      const env = read();
      const { offices } = await officesInScope(env, requireActor(req), req.query.orgId);
      const open = offices.length
        ? await env.db.selectFrom('tlo_meetings').select('id').where('office_id', 'in', offices.map((o) => Number(o.id))).where('status', 'in', openStatuses).execute()
        : [];
      return { items: agendaViews(offices, await agendaOf(env.db, open.map((m) => m.id), { outcome: 'pending' })) };
    },
  );
}
