import type { FromSchema } from '@linli/sdk';

/**
 * The roles that may knock on doors. Each may also file the problems it finds
 * (the problem workflow's `create` rules list the same roles), so a city can
 * narrow this list but never widen it past what the workflow allows.
 */
export const visitorRoles = [
  'building_leader',
  'grid_worker',
  'party_grid_worker',
  'grid_leader',
  'branch_secretary',
  'community_staff',
  'community_secretary',
  'volunteer',
] as const;

/**
 * The plugin's options under `plugins.door-knocking` in a city config.
 * `linli check` validates them against this schema, with the path of every
 * mistake, before the server ever starts.
 */
export const optionsSchema = {
  type: 'object',
  properties: {
    roundsPerMonth: {
      type: 'integer',
      minimum: 1,
      maximum: 4,
      default: 2,
      description: "Visiting rounds per month: 2 (Ji'an: 1st–15th and 16th–end) splits the month in halves, 3 in thirds (上旬/中旬/下旬)",
    },
    visitorRoles: {
      type: 'array',
      items: { enum: visitorRoles },
      minItems: 1,
      uniqueItems: true,
      description: 'Roles that may record visits, held at the building or above it (default: all of them)',
    },
  },
  additionalProperties: false,
} as const;

export type Options = FromSchema<typeof optionsSchema>;
export type VisitorRole = (typeof visitorRoles)[number];

export interface Settings {
  roundsPerMonth: number;
  visitorRoles: readonly VisitorRole[];
}

/** The options with their defaults; the core has validated them against optionsSchema already. */
export function readSettings(raw: Record<string, unknown>): Settings {
  const o = raw as Options;
  return { roundsPerMonth: o.roundsPerMonth ?? 2, visitorRoles: o.visitorRoles ?? visitorRoles };
}
