import { ticketEscalations, listEscalations, getOrg, deadlineStats, minimalPaths, type Escalation } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { mayBlowWhistle, mayReportFor, type Actor } from '@linli/core';
import { requireActor } from '../policy.js';
import { errorResponses, idParam, pageQuery } from './schemas.js';
import { ticketJson } from './serialize.js';
import { maskedTicket } from '../services/personal-data.js';

const nullableString = { type: ['string', 'null'] } as const;
const nullableDate = { type: ['string', 'null'], format: 'date-time' } as const;
const orgIdString = { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } as const;

export const escalationSchema = {
  $id: 'Escalation',
  type: 'object',
  properties: {
    id: { type: 'string' },
    ticketId: { type: 'string' },
    eventSeq: { type: 'integer', description: 'The history event that raised it' },
    kind: { type: 'string', enum: ['whistle', 'overdue'] },
    orgId: { type: 'string' },
    orgName: { type: 'string' },
    lead: { type: 'boolean', description: 'The lead unit of the joint team' },
    reason: nullableString,
    raisedBy: nullableString,
    reportDeadline: nullableDate,
    reportedAt: nullableDate,
    reportedBy: nullableString,
    reportedByName: nullableString,
    reportNote: nullableString,
    late: { type: 'boolean', description: 'Not reported and past its report deadline, or reported after it' },
    createdAt: { type: 'string', format: 'date-time' },
    ticketTitle: { type: 'string' },
    ticketState: { type: 'string' },
    ticketClosed: { type: 'boolean' },
    mayReport: { type: 'boolean', description: 'Whether I may report (报到) for this unit now: it has not reported, the ticket is open, and I act for the unit' },
  },
  required: ['id', 'ticketId', 'kind', 'orgId', 'orgName', 'lead', 'reportDeadline', 'reportedAt', 'late', 'createdAt'],
} as const;

function escalationJson(e: Escalation & { ticketTitle?: string; ticketState?: string; ticketClosed?: boolean }, now: Date, actor?: Actor, ticketClosed?: boolean) {
  const due = e.reportDeadline?.getTime();
  const late = due !== undefined && (e.reportedAt ? e.reportedAt.getTime() > due : now.getTime() > due);
  const closed = ticketClosed ?? e.ticketClosed ?? false;
  return {
    ...e,
    ...(actor ? { mayReport: !e.reportedAt && !closed && mayReportFor(actor, e.orgPath) } : {}),
    reportDeadline: e.reportDeadline?.toISOString() ?? null,
    reportedAt: e.reportedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    late,
  };
}

const whistleBody = {
  type: 'object',
  properties: {
    reason: { type: 'string', minLength: 2, maxLength: 2000, description: 'Why the grid cannot solve it alone' },
    orgIds: { type: 'array', items: orgIdString, minItems: 1, maxItems: 10, uniqueItems: true, description: 'Departments to call (default: the configured targets)' },
    leadOrgId: { ...orgIdString, description: 'The lead unit (default: the configured lead target)' },
  },
  required: ['reason'],
  additionalProperties: false,
} as const;

const reportBody = {
  type: 'object',
  properties: { note: { type: 'string', maxLength: 2000, description: 'What the unit will do, who comes, when' } },
  additionalProperties: false,
} as const;

const withTicket = {
  type: 'object',
  properties: { ticket: { $ref: 'Ticket#' }, escalations: { type: 'array', items: { $ref: 'Escalation#' } } },
  required: ['ticket', 'escalations'],
} as const;

/** 吹哨报到: blow the whistle on a ticket, list who was called, report; and the dashboards' deadline numbers. */
export async function escalationRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;
  app.addSchema(escalationSchema);

  app.post<{ Params: { id: string }; Body: { reason: string; orgIds?: string[]; leadOrgId?: string } }>(
    '/api/tickets/:id/whistle',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['escalation'],
        summary: 'Blow the whistle (吹哨): call the lead unit and departments onto the ticket; each must report (报到) within its limit',
        params: idParam,
        body: whistleBody,
        response: { 201: withTicket, ...errorResponses, 409: { $ref: 'LinliError#' }, 422: { $ref: 'LinliError#' } },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { ticket, escalationIds } = await linli.db.transaction().execute((trx) => linli.escalations.whistle(trx, actor, req.params.id, req.body));
      const now = linli.now();
      const all = await ticketEscalations(linli.db, ticket.id);
      return reply.status(201).send({ ticket: ticketJson(maskedTicket(linli.deployment, ticket), now), escalations: all.filter((e) => escalationIds.includes(e.id)).map((e) => escalationJson(e, now)) });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/tickets/:id/escalations',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['escalation'],
        summary: "Everyone called onto the ticket, with each one's report status, and whether I may blow the whistle on it (the web app shows the button only then)",
        params: idParam,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'Escalation#' } }, mayWhistle: { type: 'boolean' } }, required: ['items', 'mayWhistle'] }, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const ticket = await linli.tickets.get(linli.db, actor, req.params.id);
      const now = linli.now();
      const closed = ticket.closedAt !== null;
      const mayWhistle = !closed && mayBlowWhistle(linli.deployment.config.escalation, actor, ticket);
      return { items: (await ticketEscalations(linli.db, ticket.id)).map((e) => escalationJson(e, now, actor, closed)), mayWhistle };
    },
  );

  app.post<{ Params: { id: string; escalationId: string }; Body: { note?: string } }>(
    '/api/tickets/:id/escalations/:escalationId/report',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['escalation'],
        summary: 'Report (报到) for a unit that was called onto the ticket',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 20 }, escalationId: { type: 'string', maxLength: 20 } }, required: ['id', 'escalationId'] },
        body: reportBody,
        response: { 200: withTicket, ...errorResponses, 409: { $ref: 'LinliError#' } },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { ticket, escalation } = await linli.db.transaction().execute((trx) => linli.escalations.report(trx, actor, req.params.id, req.params.escalationId, req.body?.note));
      const now = linli.now();
      return { ticket: ticketJson(maskedTicket(linli.deployment, ticket), now), escalations: [escalationJson(escalation, now)] };
    },
  );

  app.get<{ Querystring: { pending?: boolean; limit: number; cursor?: string } }>(
    '/api/escalations',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['escalation'],
        summary: 'My units’ report list (待报到): escalations to orgs I act for, newest first',
        querystring: { type: 'object', properties: { pending: { type: 'boolean' }, ...pageQuery }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'Escalation#' } }, nextCursor: nullableString }, required: ['items', 'nextCursor'] }, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const paths = minimalPaths(actor.grants.filter((g) => g.seesScope).flatMap((g) => g.scopePaths));
      const page = await listEscalations(linli.db, { withinPaths: paths, pending: req.query.pending, limit: req.query.limit, cursor: req.query.cursor });
      const now = linli.now();
      return { items: page.items.map((e) => escalationJson(e, now, actor)), nextCursor: page.nextCursor };
    },
  );

  app.get<{ Querystring: { orgId?: string; soonHours: number } }>(
    '/api/tickets/deadlines',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['tickets'],
        summary: 'Dashboard numbers: open, overdue and due-soon tickets, and escalations awaiting a report, in my scope',
        querystring: { type: 'object', properties: { orgId: { type: 'string', maxLength: 20 }, soonHours: { type: 'integer', minimum: 1, maximum: 720, default: 24 } }, additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: { open: { type: 'integer' }, overdue: { type: 'integer' }, dueSoon: { type: 'integer' }, awaitingReport: { type: 'integer' }, reportsLate: { type: 'integer' } },
            required: ['open', 'overdue', 'dueSoon', 'awaitingReport', 'reportsLate'],
          },
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      let orgPath: string | undefined;
      if (req.query.orgId !== undefined) {
        const org = await getOrg(linli.db, req.query.orgId);
        if (!org) return { open: 0, overdue: 0, dueSoon: 0, awaitingReport: 0, reportsLate: 0 };
        orgPath = org.path;
      }
      return deadlineStats(linli.db, actor, { now: linli.now(), soonHours: req.query.soonHours, orgPath });
    },
  );
}
