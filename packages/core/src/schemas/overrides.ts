import { localizedTextSchema } from '../i18n.js';
import { actorRuleSchema, offerWhereSchema } from './workflow.js';
import { timeLimitSchema } from './time-limit.js';

const nonNegative = (description: string) => ({ type: 'integer', minimum: 0, description }) as const;

/**
 * What a city may change about one field of a bundled form (config
 * `overrides.forms.<form>.fields.<field>`). Titles, help and labels are
 * wording; the rest may only tighten what the plugin accepts (a shorter
 * maximum, a required optional field), hide an optional field, or replace the
 * choices of an enum field — and only on fields the plugin declares
 * overridable (`overridable.forms` of its manifest).
 */
export const fieldOverrideSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', minLength: 1, description: 'Chinese title of the field' },
    titleEn: { type: 'string', minLength: 1, description: 'English title of the field' },
    help: { type: 'string', description: 'Help shown under the field (Chinese)' },
    helpEn: { type: 'string', description: 'Help shown under the field (English)' },
    hidden: { const: true, description: 'Leave the field out of the form (only an optional field the plugin does not read)' },
    required: { const: true, description: 'Make an optional field required' },
    minLength: nonNegative('At least this many characters (not fewer than the plugin asks)'),
    maxLength: nonNegative('At most this many characters (not more than the plugin allows)'),
    minimum: { type: 'number', description: 'Smallest number (not smaller than the plugin allows)' },
    maximum: { type: 'number', description: 'Largest number (not larger than the plugin allows)' },
    maxItems: nonNegative('At most this many items, photos say (not more than the plugin allows)'),
    enum: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      uniqueItems: true,
      description: 'The choices of an enum field, replacing the plugin\'s (a field the plugin reads may only drop choices)',
    },
    enumLabels: { type: 'object', additionalProperties: { type: 'string', minLength: 1 }, description: 'English label of each choice, by value' },
  },
  additionalProperties: false,
} as const;

/** A field a city adds to a bundled form: its JSON Schema, and whether it is required. */
export const addedFieldSchema = {
  type: 'object',
  properties: {
    schema: {
      type: 'object',
      properties: { type: { enum: ['string', 'integer', 'number', 'boolean', 'array'] }, title: { type: 'string', minLength: 1 } },
      required: ['type', 'title'],
      description: 'JSON Schema of the field, with a Chinese title (as in a form\'s "schema.properties")',
    },
    required: { type: 'boolean' },
    titleEn: { type: 'string', minLength: 1 },
    ui: { type: 'object', description: 'uiSchema of the field (widget, help, placeholder)' },
  },
  required: ['schema'],
  additionalProperties: false,
} as const;

export const formOverrideSchema = {
  type: 'object',
  properties: {
    title: localizedTextSchema,
    fields: { type: 'object', additionalProperties: fieldOverrideSchema, description: 'Changes to existing fields, by field name' },
    add: { type: 'object', additionalProperties: addedFieldSchema, propertyNames: { pattern: '^[a-zA-Z][a-zA-Z0-9_]*$' }, description: 'New fields, by name; shown after the plugin\'s' },
  },
  additionalProperties: false,
} as const;

export const workflowOverrideSchema = {
  type: 'object',
  properties: {
    title: localizedTextSchema,
    description: localizedTextSchema,
    states: {
      type: 'object',
      description: 'By state id',
      additionalProperties: {
        type: 'object',
        properties: { title: localizedTextSchema, timeLimit: timeLimitSchema },
        additionalProperties: false,
      },
    },
    transitions: {
      type: 'object',
      description: 'By step (transition) name',
      additionalProperties: {
        type: 'object',
        properties: {
          title: localizedTextSchema,
          allow: { type: 'array', items: actorRuleSchema, minItems: 1, description: 'Who may take the step, replacing the plugin\'s list' },
        },
        additionalProperties: false,
      },
    },
    offerWhere: offerWhereSchema,
  },
  additionalProperties: false,
} as const;

/**
 * Adjustments to the forms and workflows of the enabled plugins, without
 * forking them (config `overrides`). `linli check` refuses what the plugin
 * does not declare overridable and what would break it, with the path.
 */
export const overridesSchema = {
  type: 'object',
  description: 'Changes to the forms and workflows of enabled plugins, within what each plugin declares overridable',
  properties: {
    forms: { type: 'object', additionalProperties: formOverrideSchema, description: 'By form id' },
    workflows: { type: 'object', additionalProperties: workflowOverrideSchema, description: 'By workflow id' },
  },
  additionalProperties: false,
} as const;

/**
 * What a plugin lets a city override, declared as data in its manifest
 * (`overridable`). Anything not listed is refused by `linli check`.
 */
export const overridableSchema = {
  type: 'object',
  properties: {
    forms: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          fields: { anyOf: [{ const: '*' }, { type: 'array', items: { type: 'string' } }], description: 'Fields whose limits, choices or visibility a city may change ("*": all); titles and help may always change' },
          addFields: { type: 'boolean', description: 'A city may add fields (kept in the ticket data, never read by the plugin)' },
          reads: { type: 'array', items: { type: 'string' }, description: 'Fields the plugin\'s code reads: never hidden, and their choices may only be narrowed' },
        },
        additionalProperties: false,
      },
    },
    workflows: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          timeLimits: { anyOf: [{ const: '*' }, { type: 'array', items: { type: 'string' } }], description: 'States whose time limit a city may change ("*": every non-terminal state)' },
          allow: { anyOf: [{ const: '*' }, { type: 'array', items: { type: 'string' } }], description: 'Steps whose "allow" list (who may take them) a city may replace' },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;
