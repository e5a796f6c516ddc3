import { requireActor, type PluginContext, type PluginApp } from '@linli/sdk';
import { envOf, notFound } from '../service/env.js';
import { meetingViews, officeViews } from '../service/views.js';
import { listMeetings } from '../store/meetings.js';
import { officesInScope } from './context.js';
import { doc, errors, idParams, items, meetingItem, officeItem, orgQuery } from './schemas.js';


/** The offices 三联办 themselves: who the three parties are, and each office's meetings. */
export function officeRoutes(app: PluginApp, ctx: PluginContext): void {
  app.get<{ Querystring: { orgId?: string } }>(
    '/offices',
    { config: { policy: 'authenticated' }, schema: { ...doc('The three-linked offices in my scope, with their parties and representatives'), querystring: orgQuery, response: { 200: items(officeItem), ...errors } } },
    async (req) => {
      const env = envOf(ctx, ctx.db);
      const { offices } = await officesInScope(env, requireActor(req), req.query.orgId);
      return { items: await officeViews(env, offices) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/offices/:id/meetings',
    { config: { policy: 'authenticated' }, schema: { ...doc("An office's meetings, newest first"), params: idParams, response: { 200: items(meetingItem), ...errors } } },
    async (req) => {
      const env = envOf(ctx, ctx.db);
      const { offices } = await officesInScope(env, requireActor(req));
      const office = offices.find((o) => o.id === req.params.id);
      if (!office) throw notFound(`Office ${req.params.id}`);
      return { items: await meetingViews(env, offices, await listMeetings(env.db, [Number(office.id)], { limit: 500 })) };
    },
  );
}
