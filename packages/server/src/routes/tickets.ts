import { allowedActions, defaultVisibility, localize, readsInternalNotes } from '@linli/core';
import { getOrg, listTickets, ticketEvents } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../policy.js';
import { errorResponses, idParam, pageOf, pageQuery } from './schemas.js';
import { eventJson, ticketJson } from './serialize.js';
import { auditPersonalDataRead, hasPersonalData, maskedTicket, maskFields, mayReadPersonalData, sensitiveFieldsOf } from '../services/personal-data.js';

const createBody = {
  type: 'object',
  properties: {
    workflow: { type: 'string', minLength: 1, maxLength: 100 },
    orgId: { type: 'string', minLength: 1, maxLength: 20 },
    data: { type: 'object' },
    point: {
      type: 'object',
      description: 'Where the problem is, in WGS-84 degrees (GPS; convert GCJ-02 map picks first). A grid whose boundary contains it takes the ticket.',
      properties: { lat: { type: 'number', minimum: -90, maximum: 90 }, lng: { type: 'number', minimum: -180, maximum: 180 } },
      required: ['lat', 'lng'],
      additionalProperties: false,
    },
  },
  required: ['workflow', 'orgId', 'data'],
  additionalProperties: false,
} as const;

const transitionBody = {
  type: 'object',
  properties: {
    action: { type: 'string', minLength: 1, maxLength: 100 },
    version: { type: 'integer', minimum: 1 },
    data: { type: 'object' },
    comment: { type: 'string', maxLength: 5000 },
    visibility: { enum: ['internal', 'public'], description: "Who reads this step's data and comment; the step's default when absent (see the action's `visibility`)" },
  },
  required: ['action', 'version'],
  additionalProperties: false,
} as const;

const listQuery = {
  type: 'object',
  properties: {
    workflow: { type: 'string', maxLength: 100 },
    state: { type: 'string', maxLength: 100 },
    orgId: { type: 'string', maxLength: 20 },
    assignedToMe: { type: 'boolean' },
    overdue: { type: 'boolean' },
    located: { type: 'boolean', description: 'Only tickets with a point (the staff map)' },
    open: { type: 'boolean', description: 'Only tickets not yet closed' },
    ...pageQuery,
  },
  additionalProperties: false,
} as const;

const detailResponse = {
  type: 'object',
  properties: {
    ticket: { $ref: 'Ticket#' },
    events: { type: 'array', items: { $ref: 'TicketEvent#' } },
    allowedActions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          title: { type: 'string' },
          titleEn: { type: 'string' },
          form: { type: ['string', 'null'] },
          commentRequired: { type: 'boolean' },
          to: { type: 'string' },
          visibility: { enum: ['internal', 'public'], description: "Who reads what the step records unless the actor chooses otherwise" },
        },
        required: ['name', 'title', 'form', 'commentRequired', 'to', 'visibility'],
      },
    },
    personalData: { type: 'string', enum: ['shown', 'masked'], description: 'Whether fields marked x-linli-sensitive are shown (an audited read) or masked' },
  },
  required: ['ticket', 'events', 'allowedActions'],
} as const;

export async function ticketRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;

  app.post<{ Body: { workflow: string; orgId: string; data: Record<string, unknown>; point?: { lat: number; lng: number } } }>(
    '/api/tickets',
    { config: { policy: 'authenticated' }, schema: { tags: ['tickets'], summary: 'File a ticket', body: createBody, response: { 201: { $ref: 'Ticket#' }, ...errorResponses, 422: { $ref: 'LinliError#' } } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const ticket = await linli.db.transaction().execute((trx) => linli.tickets.create(trx, actor, req.body));
      return reply.status(201).send(ticketJson(ticket, linli.now()));
    },
  );

  app.get<{ Querystring: { workflow?: string; state?: string; orgId?: string; assignedToMe?: boolean; overdue?: boolean; located?: boolean; open?: boolean; limit: number; cursor?: string } }>(
    '/api/tickets',
    { config: { policy: 'authenticated' }, schema: { tags: ['tickets'], summary: 'Tickets in my scope, newest first', querystring: listQuery, response: { 200: pageOf('Ticket'), ...errorResponses } } },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      let orgPath: string | undefined;
      if (q.orgId !== undefined) {
        // A queue is mostly one's own org's: its path came with the session's grants, no round trip to look it up.
        const own = actor.grants.find((g) => g.orgId === q.orgId);
        const org = own ? { path: own.orgPath } : await getOrg(linli.db, q.orgId);
        if (!org) return { items: [], nextCursor: null };
        orgPath = org.path;
      }
      const now = linli.now();
      const page = await listTickets(linli.db, actor, {
        workflow: q.workflow,
        state: q.state,
        orgPath,
        assignedTo: q.assignedToMe ? { personId: Number(actor.personId), orgIds: actor.grants.map((g) => Number(g.orgId)) } : undefined,
        overdueAt: q.overdue ? now : undefined,
        located: q.located,
        open: q.open,
        limit: q.limit,
        cursor: q.cursor,
      });
      // Lists never show personal data: open the ticket for that (audited).
      return { items: page.items.map((t) => ticketJson(maskedTicket(linli.deployment, t), now)), nextCursor: page.nextCursor };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/tickets/:id',
    { config: { policy: 'authenticated' }, schema: { tags: ['tickets'], summary: 'A ticket, its history and the actions I may take', params: idParam, response: { 200: detailResponse, ...errorResponses } } },
    async (req) => {
      const actor = requireActor(req);
      const ticket = await linli.tickets.get(linli.db, actor, req.params.id);
      const events = await ticketEvents(linli.db, ticket.id);
      const wf = linli.deployment.workflows.get(ticket.workflow);
      const actions = wf
        ? allowedActions(wf, ticket, actor).map((name) => {
            const t = wf.transition(name)!;
            return { name, title: localize(t.title, 'zh-CN'), titleEn: localize(t.title, 'en'), form: t.form ?? null, commentRequired: t.commentRequired === true, to: t.to, visibility: defaultVisibility(t) };
          })
        : [];
      const { deployment } = linli;
      const unmask = mayReadPersonalData(deployment, actor, ticket);
      if (unmask && ticket.reporterId !== actor.personId && hasPersonalData(deployment, ticket, events)) {
        await auditPersonalDataRead(linli.db, actor, ticket, req.id);
      }
      return {
        ticket: ticketJson(unmask ? ticket : maskedTicket(deployment, ticket), linli.now()),
        events: events.map((e) =>
          eventJson(e, readsInternalNotes(actor, ticket) ? 'staff' : 'reporter', unmask ? e.data : maskFields(e.data, sensitiveFieldsOf(deployment, ticket.workflow, e.action))),
        ),
        allowedActions: actions,
        personalData: unmask ? 'shown' : 'masked',
      };
    },
  );

  app.post<{ Params: { id: string }; Body: { action: string; version: number; data?: Record<string, unknown>; comment?: string; visibility?: 'internal' | 'public' } }>(
    '/api/tickets/:id/transitions',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['tickets'],
        summary: 'Take a step: 409 if someone else moved the ticket first',
        params: idParam,
        body: transitionBody,
        response: { 200: { $ref: 'Ticket#' }, ...errorResponses, 409: { $ref: 'LinliError#' }, 422: { $ref: 'LinliError#' } },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const ticket = await linli.db.transaction().execute((trx) => linli.tickets.transition(trx, actor, req.params.id, req.body));
      return ticketJson(maskedTicket(linli.deployment, ticket), linli.now());
    },
  );
}
