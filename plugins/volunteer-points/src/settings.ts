import type { FromSchema } from '@linli/sdk';

const orgKey = { type: 'string', minLength: 1, maxLength: 100, description: 'The key of an org in /orgs' } as const;

/** Star thresholds 评星定级: the points for 1★, 2★ … (ascending, at most five); a score reaching the n-th threshold earns n stars. */
const thresholds = { type: 'array', items: { type: 'integer', minimum: 1, maximum: 100000 }, minItems: 1, maxItems: 5 } as const;

/**
 * The plugin's options under `plugins.volunteer-points` in a city config.
 * `linli check` validates the shapes and that the org keys name orgs of the
 * city (`x-linli-org`); that the thresholds ascend is checked when the plugin
 * starts (routes/index.ts, init).
 */
export const optionsSchema = {
  type: 'object',
  properties: {
    orgs: {
      type: 'array',
      items: { ...orgKey, 'x-linli-org': true },
      minItems: 1,
      uniqueItems: true,
      description: 'The orgs (streets, communities or compounds) whose compounds take part; default: the whole city',
    },
    pointsPerWish: { type: 'integer', minimum: 1, maximum: 100, default: 5, description: 'Points for a micro-wish 微心愿 fulfilled and verified' },
    pointsPerHour: { type: 'integer', minimum: 1, maximum: 50, default: 2, description: 'Points per hour of volunteer service 志愿服务 attended' },
    maxHoursPerActivity: { type: 'number', minimum: 0.5, maximum: 24, default: 8, description: 'Most hours one person may be credited for one activity' },
    stars: {
      type: 'object',
      description: 'Star thresholds 评星定级 per scorecard 四类成绩单, in points earned in the year',
      properties: { branch: thresholds, resident: thresholds, inService: thresholds, unit: thresholds },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

export type Options = FromSchema<typeof optionsSchema>;

/** The four scorecards 四类成绩单: 社区所属党支部, 在册党员, 共建单位, 在职党员. */
export const scorecardKinds = ['branch', 'resident', 'unit', 'inService'] as const;
export type ScorecardKind = (typeof scorecardKinds)[number];

export interface Settings {
  orgs: string[] | null;
  pointsPerWish: number;
  pointsPerHour: number;
  maxHoursPerActivity: number;
  stars: Record<ScorecardKind, number[]>;
}

export const defaultStars: Record<ScorecardKind, number[]> = {
  branch: [50, 150, 300, 500, 800],
  resident: [10, 30, 60, 100, 150],
  inService: [10, 30, 60, 100, 150],
  unit: [20, 60, 120, 200, 300],
};

/** The options with their defaults; the core has validated them against optionsSchema already. */
export function readSettings(raw: Record<string, unknown>): Settings {
  const o = raw as Options;
  return {
    orgs: o.orgs ?? null,
    pointsPerWish: o.pointsPerWish ?? 5,
    pointsPerHour: o.pointsPerHour ?? 2,
    maxHoursPerActivity: o.maxHoursPerActivity ?? 8,
    stars: { ...defaultStars, ...(o.stars ?? {}) },
  };
}

/** Stars for a score: how many thresholds it reaches. */
export function starsFor(points: number, t: readonly number[]): number {
  return t.filter((x) => points >= x).length;
}

/** Problems with thresholds that JSON Schema cannot state: each list must strictly ascend. */
export function thresholdProblems(s: Settings): string[] {
  return scorecardKinds.flatMap((k) => (s.stars[k].every((x, i, a) => i === 0 || x > a[i - 1]!) ? [] : [`stars.${k} must ascend (${s.stars[k].join(', ')})`]));
}
