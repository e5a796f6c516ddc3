import { requireActor, type PluginApp } from '@linli/sdk';
import { memberSchema, type MemberInput } from '../forms/member.js';
import { listMembers, memberJson, register } from '../service/members.js';
import type { RouteKit } from './kit.js';
import { doc, errors, items, memberItem, orgQuery, writeErrors } from './schemas.js';

/** 双报到: registering, and the registrations staff (and the member) see. */
export function memberRoutes(app: PluginApp, kit: RouteKit): void {
  app.post<{ Body: MemberInput }>(
    '/members',
    { config: { policy: 'authenticated' }, schema: { ...doc('Register with my home compound (双报到)'), body: memberSchema, response: { 201: memberItem, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const m = await kit.write((env) => register(env, actor, req.body));
      return reply.status(201).send(memberJson(m));
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/members',
    { config: { policy: 'authenticated' }, schema: { ...doc('Registered members in my scope, and my own registrations'), querystring: orgQuery, response: { 200: items(memberItem), ...errors } } },
    async (req) => {
      const within = await kit.within(req.query.orgId);
      if (within === null) return { items: [] };
      return { items: (await listMembers(kit.read().db, requireActor(req), within)).map(memberJson) };
    },
  );
}
