import type { FromSchema } from '@linli/sdk';

const orgKey = { type: 'string', minLength: 1, maxLength: 100 } as const;
const listRule = (what: string, times: number, withinPeriods: number) =>
  ({
    type: 'object',
    description: `${what}: rated so at least \`times\` times among the company's last \`withinPeriods\` evaluations`,
    properties: {
      times: { type: 'integer', minimum: 1, maximum: 12, default: times },
      withinPeriods: { type: 'integer', minimum: 1, maximum: 12, default: withinPeriods },
    },
    additionalProperties: false,
  }) as const;

/**
 * The plugin's options under `plugins.red-property` in a city config. `linli
 * check` validates them with this schema, the org keys against the city
 * (`x-linli-org`: a compound → a property company); how they sit in the tree
 * is checked when the plugin first needs them (companies.ts).
 */
export const optionsSchema = {
  type: 'object',
  properties: {
    propertyCompanies: {
      type: 'object',
      description: 'Which property company 物业服务企业 serves each compound: compound org key → property_company org key',
      minProperties: 1,
      propertyNames: { type: 'string', 'x-linli-org': ['compound'] },
      additionalProperties: { ...orgKey, 'x-linli-org': ['property_company'] },
    },
    evaluationPeriod: { enum: ['quarter', 'half-year'], default: 'quarter', description: 'How often the community party organization evaluates each company 考核评价' },
    criteria: {
      type: 'array',
      description: 'The evaluation criteria 考核指标, each scored 0–max; the evaluation form is generated from this list',
      minItems: 1,
      maxItems: 20,
      items: {
        type: 'object',
        properties: {
          key: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]{0,39}$' },
          title: { type: 'string', minLength: 1, maxLength: 40 },
          titleEn: { type: 'string', minLength: 1, maxLength: 80 },
          max: { type: 'integer', minimum: 1, maximum: 100 },
        },
        required: ['key', 'title', 'max'],
        additionalProperties: false,
      },
    },
    ratingBands: {
      type: 'object',
      description: 'Lowest share of the maximum total (percent) for each rating; below `pass` is 差 (poor)',
      properties: {
        excellent: { type: 'number', minimum: 0, maximum: 100, default: 90 },
        good: { type: 'number', minimum: 0, maximum: 100, default: 75 },
        pass: { type: 'number', minimum: 0, maximum: 100, default: 60 },
      },
      additionalProperties: false,
    },
    redList: listRule('Red list 红榜: rated 优秀 (excellent)', 2, 2),
    blackList: listRule('Black list 黑榜: rated 差 (poor)', 2, 4),
  },
  required: ['propertyCompanies'],
  additionalProperties: false,
} as const;

export type Options = FromSchema<typeof optionsSchema>;
export type Criterion = { key: string; title: string; titleEn?: string; max: number };
export type Period = 'quarter' | 'half-year';

export interface Settings {
  propertyCompanies: Record<string, string>;
  evaluationPeriod: Period;
  criteria: Criterion[];
  ratingBands: { excellent: number; good: number; pass: number };
  redList: { times: number; withinPeriods: number };
  blackList: { times: number; withinPeriods: number };
}

/** The criteria when a city names none: the party branch's usual checklist for a property company. */
export const defaultCriteria: Criterion[] = [
  { key: 'partyBuilding', title: '党建引领', titleEn: 'Party building', max: 15 },
  { key: 'cleaning', title: '环境卫生', titleEn: 'Cleaning and sanitation', max: 20 },
  { key: 'security', title: '秩序维护', titleEn: 'Security and order', max: 20 },
  { key: 'maintenance', title: '设施维修', titleEn: 'Repairs and maintenance', max: 20 },
  { key: 'responsiveness', title: '诉求响应', titleEn: 'Response to complaints', max: 15 },
  { key: 'transparency', title: '收支公开', titleEn: 'Open accounts', max: 10 },
];

/** The options with defaults filled in. The core has validated them against optionsSchema already. */
export function readSettings(raw: Record<string, unknown>): Settings {
  const o = raw as Partial<Options>;
  return {
    propertyCompanies: (o.propertyCompanies ?? {}) as Record<string, string>,
    evaluationPeriod: o.evaluationPeriod ?? 'quarter',
    criteria: (o.criteria as Criterion[] | undefined) ?? defaultCriteria,
    ratingBands: { excellent: o.ratingBands?.excellent ?? 90, good: o.ratingBands?.good ?? 75, pass: o.ratingBands?.pass ?? 60 },
    redList: { times: o.redList?.times ?? 2, withinPeriods: o.redList?.withinPeriods ?? 2 },
    blackList: { times: o.blackList?.times ?? 2, withinPeriods: o.blackList?.withinPeriods ?? 4 },
  };
}
