import { requireActor, type PluginApp } from '@linli/sdk';
import { activitySchema, attendanceSchema, signupSchema, teamSchema, type ActivityInput, type AttendanceInput, type TeamInput } from '../forms/activity.js';
import { createActivity, createTeam, listActivities, listSignups, listTeams, recordAttendance, signUp } from '../service/activities.js';
import type { RouteKit } from './kit.js';
import { activityItem, created, doc, errors, idParams, items, orgQuery, signupItem, teamItem, writeErrors } from './schemas.js';

/** 志愿服务: teams, activities, sign-ups and attendance (which writes the points). */
export function activityRoutes(app: PluginApp, kit: RouteKit): void {
  app.post<{ Body: TeamInput }>(
    '/teams',
    { config: { policy: 'authenticated' }, schema: { ...doc('Form a volunteer team 志愿服务队'), body: teamSchema, response: { 201: created, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await kit.write((env) => createTeam(env, actor, req.body));
      return reply.status(201).send({ id: String(id) });
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/teams',
    { config: { policy: 'authenticated' }, schema: { ...doc('Volunteer teams in my scope or my community'), querystring: orgQuery, response: { 200: items(teamItem), ...errors } } },
    async (req) => {
      const within = await kit.within(req.query.orgId);
      return { items: within === null ? [] : await listTeams(kit.read(), requireActor(req), within) };
    },
  );

  app.post<{ Body: ActivityInput }>(
    '/activities',
    { config: { policy: 'authenticated' }, schema: { ...doc('Announce a volunteer activity'), body: activitySchema, response: { 201: created, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await kit.write((env) => createActivity(env, actor, req.body));
      return reply.status(201).send({ id: String(id) });
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/activities',
    { config: { policy: 'authenticated' }, schema: { ...doc('Volunteer activities in my scope or my community, newest first'), querystring: orgQuery, response: { 200: items(activityItem), ...errors } } },
    async (req) => {
      const within = await kit.within(req.query.orgId);
      return { items: within === null ? [] : await listActivities(kit.read(), requireActor(req), within) };
    },
  );

  app.post<{ Params: { id: string }; Body: Record<string, never> }>(
    '/activities/:id/signups',
    { config: { policy: 'authenticated' }, schema: { ...doc('Sign up for an activity (registered members of its community)'), params: idParams, body: signupSchema, response: { 201: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] }, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      await kit.write((env) => signUp(env, actor, req.params.id));
      return reply.status(201).send({ ok: true });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/activities/:id/signups',
    { config: { policy: 'authenticated' }, schema: { ...doc("An activity's sign-ups and attendance (organizers)"), params: idParams, response: { 200: items(signupItem), ...errors } } },
    async (req) => ({ items: await listSignups(kit.read(), requireActor(req), req.params.id) }),
  );

  app.post<{ Params: { id: string }; Body: AttendanceInput }>(
    '/activities/:id/attendance',
    { config: { policy: 'authenticated' }, schema: { ...doc('Record who served and for how long; writes their points'), params: idParams, body: attendanceSchema, response: { 201: { type: 'object', properties: { recorded: { type: 'integer' } }, required: ['recorded'] }, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const recorded = await kit.write((env) => recordAttendance(env, actor, req.params.id, req.body));
      return reply.status(201).send({ recorded });
    },
  );
}
