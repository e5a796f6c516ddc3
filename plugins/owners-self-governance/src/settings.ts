import type { CityView, ErrorDetail, FromSchema } from '@linli/sdk';
import { parseFraction, type MatterRule } from './art278.js';
import { defaultMatterRules, defaultRules, matters, type Matter } from './matters.js';
import { defaultNegativeList, type NegativeItem } from './negative-list.js';

const fraction = { type: 'string', pattern: '^(>=|>)[1-9][0-9]{0,2}/[1-9][0-9]{0,2}$', description: '">=2/3" means at least two-thirds (以上); ">1/2" more than half (过半数)' } as const;
const pair = { type: 'object', properties: { area: fraction, owners: fraction }, required: ['area', 'owners'], additionalProperties: false } as const;

/**
 * The plugin's options under `plugins.owners-self-governance`. The vote
 * thresholds are data: `rules` says what each kind of decision needs,
 * `matters` which rule each question is counted by. Defaults are the Civil
 * Code's (matters.ts); a city writes only what its local regulation changes.
 */
export const optionsSchema = {
  type: 'object',
  properties: {
    rules: {
      type: 'object',
      description: 'Decision rules by name (defaults: special, ordinary), each with the participation and the agreement it needs',
      additionalProperties: {
        type: 'object',
        properties: { title: { type: 'string', minLength: 1, maxLength: 100 }, participation: pair, pass: pair },
        required: ['participation', 'pass'],
        additionalProperties: false,
      },
    },
    matters: {
      type: 'object',
      description: 'Which rule each matter is decided by, e.g. { "elevator": "special" }',
      propertyNames: { enum: [...matters] },
      additionalProperties: { type: 'string', minLength: 1, maxLength: 40 },
    },
    votingDays: { type: 'integer', minimum: 1, maximum: 90, default: 15, description: 'Default length of a vote in days' },
    negativeList: {
      type: 'array',
      minItems: 1,
      maxItems: 60,
      description: "The negative list owners' committee candidates are vetted against (default: 九不能九不宜); each item names its checker",
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9-]{1,20}$' },
          kind: { type: 'string', enum: ['不能', '不宜'] },
          text: { type: 'string', minLength: 2, maxLength: 100 },
          checker: { type: 'string', pattern: '^[a-z0-9-]{1,30}$', description: 'community, or a key of checkers (public-security, housing, court, petition, …)' },
        },
        required: ['id', 'kind', 'text', 'checker'],
        additionalProperties: false,
      },
    },
    checkers: {
      type: 'object',
      description: 'Which department org checks each kind of item, e.g. { "public-security": "tc-gaj" }; an unmapped kind is checked by the community',
      additionalProperties: { type: 'string', minLength: 1, maxLength: 100, 'x-linli-org': ['department'] },
    },
    vettingDays: { type: 'integer', minimum: 1, maximum: 60, default: 10, description: 'Days the checkers have to vet a candidate' },
    committeeTermYears: { type: 'integer', minimum: 1, maximum: 5, default: 5, description: "Years an owners' committee sits from its election (业主大会和业主委员会指导规则: at most 5)" },
    committeeMinMembers: { type: 'integer', minimum: 1, maximum: 15, default: 3, description: "The fewest members a sitting committee should have: fewer (seats ended when members are no longer owners) shows staff a warning (default 3, the fewest seats an election has; 指导规则第三十一条 says 5 to 11)" },
  },
  additionalProperties: false,
} as const;

export type Options = FromSchema<typeof optionsSchema>;

export interface Settings {
  rules: Record<string, MatterRule & { title: string }>;
  matterRule: Record<Matter, string>;
  votingDays: number;
  negativeList: NegativeItem[];
  /** Checker kind → department org key. */
  checkers: Record<string, string>;
  vettingDays: number;
  committeeTermYears: number;
  /** Fewer sitting members than this: staff see a warning on 业主委员会. */
  committeeMinMembers: number;
}

/** The options with the Civil Code's defaults filled in; the city's rules add to or replace the defaults by name. */
export function readSettings(raw: Record<string, unknown>): Settings {
  const o = raw as Partial<Options>;
  const named = { ...defaultRules, ...(o.rules ?? {}) } as Record<string, { title?: string; participation: { area: string; owners: string }; pass: { area: string; owners: string } }>;
  const rules = Object.fromEntries(
    Object.entries(named).map(([id, r]) => [
      id,
      {
        title: r.title ?? id,
        participation: { area: parseFraction(r.participation.area), owners: parseFraction(r.participation.owners) },
        pass: { area: parseFraction(r.pass.area), owners: parseFraction(r.pass.owners) },
      },
    ]),
  );
  return { rules, matterRule: { ...defaultMatterRules, ...(o.matters ?? {}) } as Record<Matter, string>, votingDays: o.votingDays ?? 15,
    negativeList: (o.negativeList as NegativeItem[] | undefined) ?? defaultNegativeList,
    checkers: (o.checkers as Record<string, string> | undefined) ?? {},
    vettingDays: o.vettingDays ?? 10,
    committeeTermYears: o.committeeTermYears ?? 5,
    committeeMinMembers: o.committeeMinMembers ?? 3,
  };
}

/** What the schema cannot say: a matter mapped to a rule nobody defined, or a threshold above one. */
export function validateOptions(raw: Record<string, unknown>, _city: CityView): ErrorDetail[] {
  const o = raw as Partial<Options>;
  const problems: ErrorDetail[] = [];
  const known = new Set([...Object.keys(defaultRules), ...Object.keys(o.rules ?? {})]);
  for (const [matter, rule] of Object.entries(o.matters ?? {})) {
    if (!known.has(rule as string)) problems.push({ path: `/matters/${matter}`, message: `unknown rule "${String(rule)}" (expected one of ${[...known].join(', ')})` });
  }
  for (const [id, r] of Object.entries(o.rules ?? {})) {
    for (const part of ['participation', 'pass'] as const) {
      for (const side of ['area', 'owners'] as const) {
        try {
          parseFraction(r[part][side]);
        } catch (e) {
          problems.push({ path: `/rules/${id}/${part}/${side}`, message: (e as Error).message });
        }
      }
    }
  }
  const ids = new Set<string>();
  for (const [i, item] of (o.negativeList ?? []).entries()) {
    if (ids.has(item.id)) problems.push({ path: `/negativeList/${i}/id`, message: `item id "${item.id}" is used twice` });
    ids.add(item.id);
  }
  return problems;
}
