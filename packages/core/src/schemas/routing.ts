const keyList = (description: string) => ({ type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description }) as const;

/** An org a rule sends tickets to: a fixed org, or the nearest org of a type above the ticket. */
export const routeTargetSchema = {
  type: 'object',
  properties: {
    org: { type: 'string', description: 'Key of an org in /orgs (e.g. a department)' },
    nearest: {
      type: 'string',
      description: "The nearest org of this type from the ticket's org upwards, side-organizations included (e.g. property_company: the compound's property company)",
    },
  },
  oneOf: [{ required: ['org'] }, { required: ['nearest'] }],
  additionalProperties: false,
} as const;

/**
 * Dispatch rules (config `routing`): category × grid × org type → the
 * responsible org, tried in order; when none matches, the fallback chain
 * (by default grid → community → street). Used by the `route` effect of a
 * transition and by workflows with `routeOnCreate`.
 */
export const routingSchema = {
  type: 'object',
  description: 'Dispatch rules: which org handles a ticket, without a person choosing',
  properties: {
    categoryField: { type: 'string', minLength: 1, description: 'Field of the ticket data that holds the category (default "category")' },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          workflow: keyList('Only tickets of these workflows'),
          category: keyList('Only tickets whose category is one of these'),
          grid: keyList("Only tickets in these grids (keys in /grids) — the grid covering the ticket's org or an org above it"),
          orgType: keyList("Only tickets filed at an org of one of these types (e.g. compound)"),
          attributes: {
            type: 'object',
            additionalProperties: keyList('Values'),
            description: 'Only tickets filed at an org whose attributes (/orgAttributes, inherited from the orgs above) have one of these values, e.g. { "compoundType": ["无物业"] }',
          },
          to: routeTargetSchema,
        },
        required: ['to'],
        additionalProperties: false,
      },
    },
    fallback: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Tried in order when no rule matches: "grid" (the org a grid covers, handled by its grid workers) or an org type such as community or street. Default ["grid", "community", "street"]',
    },
  },
  additionalProperties: false,
} as const;
