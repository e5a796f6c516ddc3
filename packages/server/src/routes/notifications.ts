import { notFound } from '@linli/core';
import { listNotifications, markNotificationRead, unreadCount, type Notification } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../policy.js';
import { errorResponses, idParam, pageQuery } from './schemas.js';

const notificationSchema = {
  $id: 'Notification',
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', description: 'ticket.reminder, ticket.overdue, ticket.escalated, ticket.whistle, escalation.reported, escalation.report_overdue, ticket.returned, ticket.assigned, ticket.status, digest.daily, or a plugin kind <plugin>.<name>' },
    kindLabel: { type: ['object', 'null'], properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } }, required: ['zh-CN'], description: 'What the kind is called (its label in notification settings); null for a kind the city no longer declares' },
    ticketId: { type: ['string', 'null'] },
    title: { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } }, required: ['zh-CN'] },
    data: { type: 'object', additionalProperties: true },
    createdAt: { type: 'string', format: 'date-time' },
    readAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['id', 'kind', 'kindLabel', 'ticketId', 'title', 'data', 'createdAt', 'readAt'],
} as const;


/** The in-app inbox: reminders, overdue marks, escalations and reports meant for me. */
export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;
  app.addSchema(notificationSchema);
  // The kind's own name, so a plugin's notice reads 议题的业主表决已计票 rather than its id.
  const json = (n: Notification) => ({ ...n, kindLabel: linli.deployment.notices.get(n.kind)?.label ?? null, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null });

  app.get<{ Querystring: { unread?: boolean; limit: number; cursor?: string } }>(
    '/api/notifications',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first (keyset-paginated), with the unread count',
        querystring: { type: 'object', properties: { unread: { type: 'boolean' }, ...pageQuery }, additionalProperties: false },
        response: {
          200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'Notification#' } }, nextCursor: { type: ['string', 'null'] }, unread: { type: 'integer' } }, required: ['items', 'nextCursor', 'unread'] },
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const me = Number(requireActor(req).personId);
      const page = await listNotifications(linli.db, me, { unread: req.query.unread, limit: req.query.limit, cursor: req.query.cursor });
      return { items: page.items.map(json), nextCursor: page.nextCursor, unread: await unreadCount(linli.db, me) };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/notifications/:id/read',
    {
      config: { policy: 'authenticated' },
      schema: { tags: ['notifications'], summary: 'Mark one of my notifications read', params: idParam, response: { 200: { type: 'object', properties: { id: { type: 'string' }, readAt: { type: 'string', format: 'date-time' } }, required: ['id', 'readAt'] }, ...errorResponses } },
    },
    async (req) => {
      const me = Number(requireActor(req).personId);
      // Someone else's notification answers 404, like a missing one.
      const readAt = await markNotificationRead(linli.db, me, req.params.id, linli.now());
      if (!readAt) throw notFound(`Notification ${req.params.id}`);
      return { id: req.params.id, readAt: readAt.toISOString() };
    },
  );
}
