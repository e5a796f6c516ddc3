import { localizedTextSchema } from '../i18n.js';
import { definitionIdSchema } from './ids.js';
import { timeLimitSchema } from './time-limit.js';

/**
 * Who may fire a transition (or create a ticket): a role, and how the org the
 * role is held at must relate to the ticket.
 * - `org`: held at exactly the ticket's org
 * - `ancestor`: held at the ticket's org or any org above it (the usual case)
 * - `assigned-org`: held at the org the ticket is assigned to, or above it
 * - `assigned-person`: the person the ticket is assigned to
 * - `reporter`: the person who filed the ticket
 * - `any`: anyone holding the role, wherever (a city command centre)
 * - `host`: held at a side organization (a co-building unit 共建单位) attached
 *   to the ticket's org or above it: the unit acts in its host's subtree
 * - `enrolled`: the person is enrolled (`enrolment`, declared by a plugin as
 *   data, e.g. 双报到 members) in an org at or above the ticket's; the core
 *   reads the enrolment and decides, and such a step may be taken on a ticket
 *   the person cannot otherwise see
 */
export const actorRuleSchema = {
  type: 'object',
  properties: {
    role: definitionIdSchema,
    scope: { enum: ['org', 'ancestor', 'assigned-org', 'assigned-person', 'reporter', 'any', 'host', 'enrolled'] },
    enrolment: definitionIdSchema,
  },
  required: ['scope'],
  additionalProperties: false,
} as const;

export const effectSchema = {
  oneOf: [
    {
      type: 'object',
      description: 'Assign the ticket to the org whose id the step form holds in `field`.',
      properties: { type: { const: 'assign-org' }, field: { type: 'string', minLength: 1 } },
      required: ['type', 'field'],
      additionalProperties: false,
    },
    {
      type: 'object',
      description: 'Assign the ticket to the person whose id the step form holds in `field`, or to the actor.',
      properties: { type: { const: 'assign-person' }, field: { type: 'string', minLength: 1 }, actor: { type: 'boolean' } },
      required: ['type'],
      additionalProperties: false,
    },
    {
      type: 'object',
      description: "Assign the ticket back to the ticket's own org (e.g. the compound after handling).",
      properties: { type: { const: 'assign-ticket-org' } },
      required: ['type'],
      additionalProperties: false,
    },
    {
      type: 'object',
      description: 'Clear the person the ticket is assigned to.',
      properties: { type: { const: 'clear-assignee' } },
      required: ['type'],
      additionalProperties: false,
    },
    {
      type: 'object',
      description: 'Take the deadline from the date-time in the step form field `field` instead of the state time limit.',
      properties: { type: { const: 'set-deadline' }, field: { type: 'string', minLength: 1 } },
      required: ['type', 'field'],
      additionalProperties: false,
    },
    {
      type: 'object',
      description:
        "Assign the ticket by the city's dispatch rules (config `routing`): the org the step form holds in `field` when the actor chose one, else the first matching rule, else the fallback chain.",
      properties: { type: { const: 'route' }, field: { type: 'string', minLength: 1 } },
      required: ['type'],
      additionalProperties: false,
    },
    {
      type: 'object',
      description:
        'Give the ticket back to whoever dispatched it: the org that held it before the step that brought it into its current state, and the person who took that step.',
      properties: { type: { const: 'assign-previous' } },
      required: ['type'],
      additionalProperties: false,
    },
  ],
} as const;

export const stateSchema = {
  type: 'object',
  properties: {
    id: definitionIdSchema,
    title: localizedTextSchema,
    terminal: { type: 'boolean' },
    timeLimit: timeLimitSchema,
  },
  required: ['id', 'title'],
  additionalProperties: false,
} as const;

export const transitionSchema = {
  type: 'object',
  properties: {
    name: definitionIdSchema,
    title: localizedTextSchema,
    from: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
    to: { type: 'string' },
    allow: { type: 'array', items: actorRuleSchema, minItems: 1 },
    form: { type: 'string', description: 'Id of the form the actor fills in to take this step' },
    commentRequired: { type: 'boolean' },
    requiresPlugin: {
      type: 'string',
      minLength: 1,
      description:
        "Offered only when the city enables this plugin (one of the workflow's plugin's optionalDependencies, whose public API the step uses): in a city without it the step is left out of the workflow, so nobody sees or takes it.",
    },
    effects: { type: 'array', items: effectSchema },
    visibility: {
      enum: ['internal', 'public'],
      description:
        "Who reads what this step records (its form data and comment): internal = staff only (梳理意见, 办理要求); public = the reporter too (a reply to the resident). Default: public for a step the reporter may take, internal otherwise. Staff may choose otherwise when taking a step; the history keeps each step's choice.",
    },
    rating: {
      type: 'object',
      description: "This step records the resident's rating of the result (1–5) from the step form's integer field `field`; dashboards count it (satisfaction rate). A ticket closed without one shows as closed without the resident's rating.",
      properties: { field: { type: 'string', minLength: 1 } },
      required: ['field'],
      additionalProperties: false,
    },
    reopen: {
      type: 'object',
      description: 'This step reopens the ticket: refused once the ticket was reopened `limit` times (default 1), and more than `withinDays` days (default 7) after it closed. Dashboards count reopened tickets (reopen rate).',
      properties: { limit: { type: 'integer', minimum: 1, maximum: 10 }, withinDays: { type: 'integer', minimum: 1, maximum: 365 } },
      additionalProperties: false,
    },
  },
  required: ['name', 'title', 'from', 'to', 'allow'],
  additionalProperties: false,
} as const;

/** Where a workflow is offered: attribute id → the values an org (or an org above it) must have. */
export const offerWhereSchema = {
  type: 'object',
  additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
  description:
    'Offer the workflow only at orgs whose attributes (config orgAttributes) have one of these values, e.g. { "compoundType": ["商品房", "安置房"] }',
} as const;

/**
 * What a person reads and is asked when filing, on the web app's one intake
 * page (the portal's 我要反映 and the 上报 tab): the kind of matter in plain
 * words, not the workflow's name; where it is filed (which org types, whether
 * a map pin); the submit button and the message after it. Each is optional;
 * the web app has neutral defaults, so a topic or a booking never reads like
 * a complaint.
 */
export const intakeWordingSchema = {
  type: 'object',
  description: 'What someone filing a ticket of this workflow reads and is asked (the one intake page of residents and staff); each falls back to a default',
  properties: {
    title: { ...localizedTextSchema, description: 'The kind of problem as a resident would name it (e.g. 小区里的问题，随手拍); default: the workflow title' },
    hint: { ...localizedTextSchema, description: 'One line under the title: what belongs here' },
    locationQuestion: { ...localizedTextSchema, description: 'The question for the place (default 地点)' },
    submit: { ...localizedTextSchema, description: 'The submit button (default 提交)' },
    success: { ...localizedTextSchema, description: 'Shown after filing (default 已提交，办理进度可以随时查看。)' },
    places: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      uniqueItems: true,
      description: 'The org types a ticket of this workflow is filed at, offered by the place picker (default ["compound", "building"]; door-knocking problems: ["building"])',
    },
    mapPin: { type: 'boolean', description: 'Ask for a pin on the map (the phone’s position or a tap); default true, false for a topic or a wish' },
  },
  additionalProperties: false,
} as const;

/** A ticket workflow as data: the closed loop of one practice. */
export const workflowSchema = {
  $id: 'https://linli.dev/schemas/workflow.json',
  type: 'object',
  properties: {
    id: definitionIdSchema,
    title: localizedTextSchema,
    description: localizedTextSchema,
    intakeForm: { type: 'string', description: 'Form filled in to create a ticket' },
    titleField: { type: 'string', description: 'Field of the intake form used as the ticket title' },
    routeOnCreate: { type: 'boolean', description: "Assign each new ticket by the city's dispatch rules (config `routing`)" },
    create: { type: 'array', items: actorRuleSchema, minItems: 1, description: 'Who may file a ticket of this workflow' },
    initial: { type: 'string' },
    states: { type: 'array', items: stateSchema, minItems: 2 },
    transitions: { type: 'array', items: transitionSchema, minItems: 1 },
    offerWhere: offerWhereSchema,
    intake: intakeWordingSchema,
    filedBy: {
      enum: ['people', 'plugin'],
      description:
        "Who files its tickets: people (default) on the intake pages, or only its plugin's own code (an inspection's failed item), so no intake page offers it; `create` still says whose behalf the plugin may file on",
    },
  },
  required: ['id', 'title', 'intakeForm', 'create', 'initial', 'states', 'transitions'],
  additionalProperties: false,
} as const;
