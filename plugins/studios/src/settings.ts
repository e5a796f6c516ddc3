import type { CityView, ErrorDetail, FromSchema } from '@linli/sdk';

const time = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time, HH:MM' } as const;

/** The kinds of studio the reports name: a secretary's studio and the professional ones (Huangshan's ten: lawyers, doctors, teachers, counsellors). */
export const studioKinds = ['书记工作室', '法律援助', '心理咨询', '医疗健康', '教育辅导', '其他专业'] as const;
export type StudioKind = (typeof studioKinds)[number];

/** Roles that may run a community's studios (a city chooses among them). */
export const staffRoleChoices = ['community_secretary', 'community_staff', 'residents_committee_member', 'street_secretary', 'branch_secretary', 'grid_leader', 'grid_worker'] as const;

/** One weekly slot: a weekday, a local start and end, how many residents it takes. */
export const slotSchema = {
  type: 'object',
  properties: {
    weekday: { type: 'integer', minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday … 7 Sunday' },
    start: time,
    end: time,
    capacity: { type: 'integer', minimum: 1, maximum: 50, description: 'Residents received in this slot (预约名额)' },
  },
  required: ['weekday', 'start', 'end', 'capacity'],
  additionalProperties: false,
} as const;

/**
 * The plugin's options under `plugins.studios` in a city config. The
 * studios listed are created when the server starts (matched by `key`);
 * after that a community secretary may change their slots and capacity in
 * the app, and a restart does not undo those changes.
 */
export const optionsSchema = {
  type: 'object',
  properties: {
    bookAheadDays: { type: 'integer', minimum: 1, maximum: 60, default: 14, description: 'How many days ahead residents may book' },
    noShowLimit: {
      type: 'integer',
      minimum: 0,
      maximum: 20,
      default: 3,
      description: 'A resident who missed this many appointments in the last 90 days without cancelling may not book again until staff book for them (0: no limit)',
    },
    staffRoles: {
      type: 'array',
      items: { type: 'string', enum: staffRoleChoices },
      minItems: 1,
      uniqueItems: true,
      default: ['community_secretary', 'community_staff'],
      description: "Roles that run a community's studios (confirm, propose another time, record, mark no-shows), held at the community or above",
    },
    studios: {
      type: 'array',
      maxItems: 200,
      description: 'The studios, each in a community',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,59}$', description: 'Stable key of the studio' },
          community: { type: 'string', minLength: 1, maxLength: 100, 'x-linli-org': ['community'], description: 'The community 社区 the studio serves' },
          kind: { type: 'string', enum: studioKinds },
          name: { type: 'string', minLength: 2, maxLength: 60, description: 'e.g. 李秀兰书记工作室, 房后昌律师工作室' },
          host: { type: 'string', minLength: 1, maxLength: 60, description: 'Who receives residents, as residents know them (a title, not a phone number)' },
          place: { type: 'string', minLength: 1, maxLength: 100 },
          description: { type: 'string', maxLength: 500 },
          slots: { type: 'array', items: slotSchema, minItems: 1, maxItems: 21 },
        },
        required: ['key', 'community', 'kind', 'name', 'place', 'slots'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

export type Options = FromSchema<typeof optionsSchema>;
export type StudioOptions = NonNullable<Options['studios']>[number];
export type SlotOptions = FromSchema<typeof slotSchema>;

export interface Settings {
  bookAheadDays: number;
  noShowLimit: number;
  staffRoles: string[];
  studios: StudioOptions[];
}

export const defaultStaffRoles = ['community_secretary', 'community_staff'];

/** The options with defaults filled in. The core has validated them against optionsSchema already. */
export function readSettings(raw: Record<string, unknown>): Settings {
  const o = raw as Partial<Options>;
  return {
    bookAheadDays: o.bookAheadDays ?? 14,
    noShowLimit: o.noShowLimit ?? 3,
    staffRoles: [...(o.staffRoles ?? defaultStaffRoles)],
    studios: [...(o.studios ?? [])],
  };
}

/** A slot's problem, if any: it ends after it starts. Shared by the config check and the secretary's form. */
export function slotProblem(slot: Pick<SlotOptions, 'start' | 'end'>): string | null {
  return slot.end > slot.start ? null : `ends at ${slot.end}, not after it starts at ${slot.start}`;
}

/** Two slots of one studio on the same weekday that overlap. */
export function overlapping(slots: readonly SlotOptions[]): [number, number] | null {
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      const a = slots[i]!;
      const b = slots[j]!;
      if (a.weekday === b.weekday && a.start < b.end && b.start < a.end) return [i, j];
    }
  }
  return null;
}

/**
 * What the schema cannot say, checked against the city by `linli check` and
 * at start (the community keys themselves are checked by `x-linli-org`):
 * keys unique, slots that end after they start and do not overlap.
 */
export function validateOptions(raw: Record<string, unknown>, _city: CityView): ErrorDetail[] {
  const o = raw as Partial<Options>;
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  (o.studios ?? []).forEach((s, i) => {
    const first = seen.get(s.key);
    if (first !== undefined) problems.push({ path: `/studios/${i}/key`, message: `"${s.key}" is also the key of studio ${first}` });
    seen.set(s.key, i);
    s.slots.forEach((slot, j) => {
      const p = slotProblem(slot);
      if (p) problems.push({ path: `/studios/${i}/slots/${j}/end`, message: p });
    });
    const clash = overlapping(s.slots);
    if (clash) problems.push({ path: `/studios/${i}/slots/${clash[1]}`, message: `overlaps slot ${clash[0]} on the same weekday` });
  });
  return problems;
}
