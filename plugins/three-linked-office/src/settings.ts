import type { FromSchema } from '@linli/sdk';

const orgKey = { type: 'string', minLength: 1, maxLength: 100, description: 'The key of an org in /orgs' } as const;
const weekday = { type: 'integer', minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday … 7 Sunday' } as const;
const time = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time, HH:MM' } as const;
const usernames = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 }, maxItems: 20, uniqueItems: true } as const;

/**
 * The plugin's options under `plugins.three-linked-office` in a city config.
 * `linli check` validates them with this schema: an office missing one of the
 * three parties is refused with its JSON path, and a key that names no org
 * of the city, or one of another type (`x-linli-org`), with its path too.
 * How the parties sit in the tree is checked when the plugin starts
 * (offices.ts).
 */
export const optionsSchema = {
  type: 'object',
  properties: {
    meetingWeekday: { ...weekday, default: 3, description: 'Default weekday of the weekly meeting 每周三方会商 (ISO: 1 Monday … 7 Sunday)' },
    meetingTime: { ...time, default: '15:00', description: 'Default local start time of the meeting' },
    finishAfterDays: {
      type: 'integer',
      minimum: 1,
      maximum: 30,
      default: 3,
      description: 'A meeting still open this many days after its day is finished by itself (held → closed, never held → cancelled; undecided problems carried over)',
    },
    offices: {
      type: 'array',
      minItems: 1,
      description: 'One three-linked office 三联办 per compound',
      items: {
        type: 'object',
        properties: {
          compound: { ...orgKey, 'x-linli-org': ['compound'], description: 'The compound 小区 the office serves' },
          residentsCommittee: { ...orgKey, 'x-linli-org': ['residents_committee'], description: "The residents' committee 居委会 (an org of type residents_committee)" },
          propertyCompany: { ...orgKey, 'x-linli-org': ['property_company'], description: 'The property company 物业服务企业 (type property_company)' },
          ownersCommittee: { ...orgKey, 'x-linli-org': ['owners_committee'], description: "The owners' committee 业委会 (type owners_committee)" },
          partyCommittee: { ...orgKey, 'x-linli-org': ['party_committee'], description: 'The community (joint) party committee 社区联合党委 that leads the office (type party_committee)' },
          place: { type: 'string', minLength: 1, maxLength: 100, description: 'Where the office meets, e.g. 社区党群议事厅' },
          meetingWeekday: weekday,
          meetingTime: time,
          representatives: {
            type: 'object',
            description: 'Usernames of each party’s representatives; when absent, everyone holding a role at the party’s org',
            properties: { residentsCommittee: usernames, propertyCompany: usernames, ownersCommittee: usernames },
            additionalProperties: false,
          },
        },
        required: ['compound', 'residentsCommittee', 'propertyCompany', 'ownersCommittee'],
        additionalProperties: false,
      },
    },
  },
  required: ['offices'],
  additionalProperties: false,
} as const;

export type Options = FromSchema<typeof optionsSchema>;
export type OfficeOptions = Options['offices'][number];

export interface Settings {
  meetingWeekday: number;
  meetingTime: string;
  finishAfterDays: number;
  offices: OfficeOptions[];
}

/** The options with defaults filled in. The core has validated them against optionsSchema already. */
export function readSettings(raw: Record<string, unknown>): Settings {
  const o = raw as Partial<Options>;
  return { meetingWeekday: o.meetingWeekday ?? 3, meetingTime: o.meetingTime ?? '15:00', finishAfterDays: o.finishAfterDays ?? 3, offices: o.offices ?? [] };
}
