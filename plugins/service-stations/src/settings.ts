import type { CityView, ErrorDetail, FromSchema } from '@linli/sdk';

/** One item of a station's checklist: a stable key (results keep it), what inspectors read, and what counts. */
export interface ChecklistItem {
  key: string;
  title: string;
  titleEn?: string;
  /** What the inspector looks for, shown under the item. */
  hint?: string;
}

/**
 * The "five haves" 五有 of Nan'an's station-building standard: a sign, a
 * person in charge, rules, equipment and a ledger. A city on Ji'an's "four
 * haves" 四有 (an office, a unified sign, equipment, rules) lists its own.
 */
export const fiveHaves: readonly ChecklistItem[] = [
  { key: 'sign', title: '有场所标识', titleEn: 'A sign', hint: '门口有统一的党群服务站标识牌' },
  { key: 'staff', title: '有专人管理', titleEn: 'Staff in charge', hint: '站长、副站长在岗，值班表上墙' },
  { key: 'rules', title: '有工作制度', titleEn: 'Rules', hint: '工作制度、议事规则上墙' },
  { key: 'equipment', title: '有办公设备', titleEn: 'Equipment', hint: '桌椅、电脑、宣传栏等能正常使用' },
  { key: 'ledger', title: '有工作台账', titleEn: 'A ledger', hint: '民情台账、问题清单按时记录' },
];

/** The roles that may inspect stations, held at the station or above it (a street, a district). */
export const inspectorRoles = ['station_inspector', 'street_secretary'] as const;
/** The roles that run a station and fix what an inspection found: the station's community, its compound's branch. */
export const keeperRoles = ['community_secretary', 'community_staff', 'branch_secretary'] as const;

const orgKey = { type: 'string', minLength: 1, maxLength: 100 } as const;

/**
 * The plugin's options under `plugins.service-stations`. `linli check`
 * validates them with this schema (paths and all); what a schema cannot say
 * (checklist keys used twice) is in validateOptions.
 */
export const optionsSchema = {
  type: 'object',
  properties: {
    checklist: {
      type: 'array',
      minItems: 1,
      maxItems: 12,
      description: 'The standard every station is inspected against; default the five haves 五有 (sign, staff, rules, equipment, ledger)',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,30}$', description: 'Stable key: results keep it, so never reuse one for another item' },
          title: { type: 'string', minLength: 2, maxLength: 30, description: 'What inspectors read, e.g. 有场所标识' },
          titleEn: { type: 'string', minLength: 1, maxLength: 60 },
          hint: { type: 'string', maxLength: 100, description: 'What the inspector looks for' },
        },
        required: ['key', 'title'],
        additionalProperties: false,
      },
    },
    period: { enum: ['month', 'quarter'], default: 'quarter', description: 'How often every station is inspected: a job opens the inspections due at the start of each period' },
    inspectorRoles: { type: 'array', items: { enum: inspectorRoles }, minItems: 1, uniqueItems: true, description: 'Roles that may inspect (default both)' },
    stations: {
      type: 'array',
      maxItems: 500,
      description: 'Stations the city already has; staff may add more in the app',
      items: {
        type: 'object',
        properties: {
          org: { ...orgKey, 'x-linli-org': ['compound', 'community'], description: 'The compound 小区 or community 社区 the station serves' },
          name: { type: 'string', minLength: 2, maxLength: 60, description: 'e.g. 河畔家园党群服务站' },
          place: { type: 'string', maxLength: 100, description: 'Where it is, e.g. 3栋架空层' },
        },
        required: ['org', 'name'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

export type Options = FromSchema<typeof optionsSchema>;
export type Period = 'month' | 'quarter';
export type StationOptions = NonNullable<Options['stations']>[number];

export interface Settings {
  checklist: readonly ChecklistItem[];
  period: Period;
  inspectorRoles: readonly string[];
  stations: readonly StationOptions[];
}

/** The options with their defaults; the core has validated them against optionsSchema already. */
export function readSettings(raw: Record<string, unknown>): Settings {
  const o = raw as Options;
  return {
    checklist: (o.checklist as ChecklistItem[] | undefined) ?? fiveHaves,
    period: o.period ?? 'quarter',
    inspectorRoles: o.inspectorRoles ?? inspectorRoles,
    stations: o.stations ?? [],
  };
}

/** What the schema cannot say: each checklist key once, each station once. */
export function validateOptions(raw: Record<string, unknown>, _city: CityView): ErrorDetail[] {
  const o = raw as Options;
  const problems: ErrorDetail[] = [];
  const keys = new Map<string, number>();
  (o.checklist ?? []).forEach((item, i) => {
    const first = keys.get(item.key);
    if (first !== undefined) problems.push({ path: `/checklist/${i}/key`, message: `the key "${item.key}" is already used by /checklist/${first} (expected each item's key once)` });
    else keys.set(item.key, i);
  });
  const stations = new Map<string, number>();
  (o.stations ?? []).forEach((s, i) => {
    const id = `${s.org}\u0000${s.name}`;
    const first = stations.get(id);
    if (first !== undefined) problems.push({ path: `/stations/${i}`, message: `the station "${s.name}" at "${s.org}" is already listed at /stations/${first}` });
    else stations.set(id, i);
  });
  return problems;
}
