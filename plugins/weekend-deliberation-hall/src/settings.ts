import type { FromSchema } from '@linli/sdk';
import { groups, type Group } from './groups.js';

const orgKey = { type: 'string', minLength: 1, maxLength: 100 } as const;
const time = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time, HH:MM' } as const;

/**
 * The plugin's options under `plugins.weekend-deliberation-hall` in a city
 * config, validated by `linli check`. Whether the compound keys name real
 * compounds is checked when the plugin starts (store/halls.ts), because that
 * needs the org tree.
 */
export const optionsSchema = {
  type: 'object',
  properties: {
    halls: {
      type: 'array',
      minItems: 1,
      description: 'The compounds that run a weekend deliberation hall 周末议事厅, each with where it usually meets',
      items: {
        type: 'object',
        properties: {
          compound: { ...orgKey, 'x-linli-org': ['compound'], description: 'The key of the compound 小区 (an org of type compound)' },
          place: { type: 'string', minLength: 1, maxLength: 100, description: 'Where sessions usually take place, e.g. 河畔家园党群服务站 or 物业用房' },
        },
        required: ['compound'],
        additionalProperties: false,
      },
    },
    sessionTime: { ...time, default: '09:30', description: 'Default local start time of a session' },
    allowWeekdaySessions: { type: 'boolean', default: false, description: 'Allow sessions on Monday–Friday too (the practice meets on Saturdays and Sundays)' },
    requiredGroups: {
      type: 'array',
      items: { type: 'string', enum: groups },
      uniqueItems: true,
      default: [...groups],
      description: 'Stakeholder groups that must have someone present before a session may resolve anything',
    },
    passRule: {
      type: 'object',
      description: 'When a resolution passes',
      properties: {
        base: { type: 'string', enum: ['cast', 'present'], default: 'cast', description: 'cast: a share of the votes cast (for + against + abstain); present: a share of everyone present' },
        majority: { type: 'string', enum: ['simple', 'two-thirds'], default: 'simple', description: 'simple: more than half; two-thirds: at least two thirds' },
        minTurnoutPercent: { type: 'integer', minimum: 0, maximum: 100, default: 50, description: 'At least this share of those present must vote (for, against or abstain)' },
      },
      additionalProperties: false,
    },
  },
  required: ['halls'],
  additionalProperties: false,
} as const;

export type Options = FromSchema<typeof optionsSchema>;
export type HallOptions = Options['halls'][number];

export interface PassRule {
  base: 'cast' | 'present';
  majority: 'simple' | 'two-thirds';
  minTurnoutPercent: number;
}

export interface Settings {
  halls: HallOptions[];
  sessionTime: string;
  allowWeekdaySessions: boolean;
  requiredGroups: Group[];
  passRule: PassRule;
}

/** The options with defaults filled in. The core has validated them against optionsSchema already. */
export function readSettings(raw: Record<string, unknown>): Settings {
  const o = raw as Partial<Options>;
  return {
    halls: o.halls ?? [],
    sessionTime: o.sessionTime ?? '09:30',
    allowWeekdaySessions: o.allowWeekdaySessions ?? false,
    requiredGroups: (o.requiredGroups as Group[] | undefined) ?? [...groups],
    passRule: { base: o.passRule?.base ?? 'cast', majority: o.passRule?.majority ?? 'simple', minTurnoutPercent: o.passRule?.minTurnoutPercent ?? 50 },
  };
}
