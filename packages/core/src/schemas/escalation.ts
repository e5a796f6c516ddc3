import { reportLimitSchema } from './limits.js';

/**
 * Who an escalation goes to: a fixed org, the nearest org of a type above the
 * ticket, or the parent of the org that holds the ticket ("up the tree").
 */
export const escalationTargetSchema = {
  type: 'object',
  properties: {
    org: { type: 'string', description: 'Key of an org in /orgs (e.g. the urban management department)' },
    nearest: { type: 'string', description: "The nearest org of this type from the ticket's org upwards, side-organizations included (e.g. party_committee)" },
    parent: {
      enum: ['assignee', 'org'],
      description: "assignee: the parent of the org the ticket is assigned to (its own org when unassigned); org: the parent of the ticket's org",
    },
    lead: { type: 'boolean', description: 'The lead unit of a joint team ("1+5+N": one lead unit, several departments)' },
    reportWithin: reportLimitSchema,
  },
  oneOf: [{ required: ['org'] }, { required: ['nearest'] }, { required: ['parent'] }],
  additionalProperties: false,
} as const;

const targets = { type: 'array', items: escalationTargetSchema, minItems: 1, maxItems: 20 } as const;

/**
 * Escalation (config `escalation`): "the compound blows the whistle, the
 * departments report" (吹哨报到) and the ladder that runs when a ticket stays
 * overdue. Every target must report within its limit.
 */
export const escalationSchema = {
  type: 'object',
  description: 'Whistle escalation (吹哨报到) and what happens when a ticket stays overdue',
  properties: {
    reportWithin: { ...reportLimitSchema, description: 'Default time a target has to report (default 24 hours)' },
    whistle: {
      type: 'object',
      description: 'Who may blow the whistle on a ticket, and who must then report',
      properties: {
        roles: { type: 'array', items: { type: 'string' }, minItems: 1, description: "Roles that may blow the whistle, held at the ticket's org or above it" },
        workflows: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Only tickets of these workflows (default: all)' },
        targets: { ...targets, description: 'The joint team: one target marked lead, plus departments; the whistle-blower may name other orgs' },
        reportWithin: reportLimitSchema,
      },
      required: ['roles', 'targets'],
      additionalProperties: false,
    },
    overdue: {
      type: 'array',
      description: 'Escalation ladders for overdue tickets; the first entry matching the workflow and state applies',
      items: {
        type: 'object',
        properties: {
          workflow: { type: 'string', description: 'Workflow id (default: any)' },
          state: { type: 'string', description: 'State id (default: any state with a time limit)' },
          steps: {
            type: 'array',
            minItems: 1,
            maxItems: 10,
            items: {
              type: 'object',
              properties: {
                afterHours: { type: 'integer', minimum: 0, maximum: 8760, description: 'Hours after the deadline' },
                to: targets,
                reportWithin: reportLimitSchema,
              },
              required: ['afterHours', 'to'],
              additionalProperties: false,
            },
          },
        },
        required: ['steps'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;
