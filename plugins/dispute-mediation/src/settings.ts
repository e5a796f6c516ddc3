import type { CityView, ErrorDetail, FromSchema } from '@linli/sdk';

/**
 * The plugin's options under `plugins.dispute-mediation` in a city config.
 * The mediator pools 调解员库 are the city's "8+X": community forces (cadres,
 * grid workers, party members, owners' committee) and professionals (the
 * "three officers and a lawyer" 三官一律: judge, prosecutor, police officer,
 * lawyer). Each pool lists the usernames of people in the city config;
 * `validateOptions` refuses an unknown one with its path.
 */
export const optionsSchema = {
  type: 'object',
  properties: {
    pools: {
      type: 'array',
      description: 'Mediator pools 调解员库 a team is drawn from ("8+X": community forces and 三官一律 professionals)',
      minItems: 1,
      maxItems: 12,
      items: {
        type: 'object',
        properties: {
          key: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,31}$' },
          title: { type: 'string', minLength: 1, maxLength: 20, description: 'As staff read it: 社区调解员, 法官, 民警, 律师' },
          titleEn: { type: 'string', minLength: 1, maxLength: 40 },
          kind: { enum: ['community', 'professional'], description: 'community: the "8" standing forces; professional: the "X" (三官一律)' },
          members: { type: 'array', minItems: 1, maxItems: 50, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 }, description: 'Usernames of people in the city config' },
        },
        required: ['key', 'title', 'kind', 'members'],
        additionalProperties: false,
      },
    },
    rooms: {
      type: 'array',
      description: 'Mediation rooms 调解室 of communities or streets: the default place of their sessions',
      maxItems: 200,
      items: {
        type: 'object',
        properties: { org: { type: 'string', 'x-linli-org': ['community', 'street'] }, place: { type: 'string', minLength: 1, maxLength: 60 } },
        required: ['org', 'place'],
        additionalProperties: false,
      },
    },
    teamSize: {
      type: 'object',
      properties: { min: { type: 'integer', minimum: 1, maximum: 9, default: 2 }, max: { type: 'integer', minimum: 1, maximum: 9, default: 5 } },
      additionalProperties: false,
    },
    requireProfessional: { type: 'boolean', default: true, description: 'Every team has at least one professional (三官一律) mediator' },
    overdueNoticeDays: { type: 'integer', minimum: 1, maximum: 30, default: 3, description: 'Days before the mediation deadline the team is reminded' },
  },
  required: ['pools'],
  additionalProperties: false,
} as const;

export type Options = FromSchema<typeof optionsSchema>;
export type PoolKind = 'community' | 'professional';
export interface Pool {
  key: string;
  title: string;
  titleEn?: string;
  kind: PoolKind;
  members: string[];
}

export interface Settings {
  pools: Pool[];
  rooms: Record<string, string>;
  teamSize: { min: number; max: number };
  requireProfessional: boolean;
  overdueNoticeDays: number;
}

/** The options with their defaults filled in; the core has validated them already. */
export function readSettings(raw: Record<string, unknown>): Settings {
  const o = raw as Partial<Options>;
  return {
    pools: ((o.pools ?? []) as Pool[]).map((p) => ({ ...p, members: [...p.members] })),
    rooms: Object.fromEntries(((o.rooms ?? []) as { org: string; place: string }[]).map((r) => [r.org, r.place])),
    teamSize: { min: o.teamSize?.min ?? 2, max: o.teamSize?.max ?? 5 },
    requireProfessional: o.requireProfessional ?? true,
    overdueNoticeDays: o.overdueNoticeDays ?? 3,
  };
}

/** Each pool member once, with the pool they are drawn from (a person in two pools serves in the first). */
export function poolMembers(s: Settings): { username: string; pool: Pool }[] {
  const seen = new Set<string>();
  return s.pools.flatMap((pool) => pool.members.filter((u) => !seen.has(u) && (seen.add(u), true)).map((username) => ({ username, pool })));
}

/** What the schema cannot say: pool keys unique, members are people of the city, team sizes that a pool can fill. */
export function validateOptions(options: Record<string, unknown>, city: CityView): ErrorDetail[] {
  const s = readSettings(options);
  const problems: ErrorDetail[] = [];
  const people = new Set((city.config.people ?? []).map((p) => p.username));
  const keys = new Set<string>();
  s.pools.forEach((pool, i) => {
    if (keys.has(pool.key)) problems.push({ path: `/pools/${i}/key`, message: `pool "${pool.key}" is declared twice`, expected: 'a key used once' });
    keys.add(pool.key);
    pool.members.forEach((u, j) => {
      if (!people.has(u)) problems.push({ path: `/pools/${i}/members/${j}`, message: `unknown person "${u}"`, expected: 'the username of a person in this city config' });
    });
  });
  if (s.teamSize.min > s.teamSize.max) problems.push({ path: '/teamSize/min', message: `min ${s.teamSize.min} is above max ${s.teamSize.max}`, expected: 'min <= max' });
  if (s.requireProfessional && !s.pools.some((p) => p.kind === 'professional')) {
    problems.push({ path: '/pools', message: 'requireProfessional is on but no pool is of kind "professional"', expected: 'a professional pool (三官一律), or requireProfessional: false' });
  }
  const total = poolMembers(s).length;
  if (total < s.teamSize.min) problems.push({ path: '/teamSize/min', message: `the pools hold ${total} mediators, fewer than a team's minimum ${s.teamSize.min}`, expected: `at most ${total}` });
  return problems;
}
