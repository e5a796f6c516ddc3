import { lookup, type FormDefinition, type FromSchema } from '@linli/sdk';

/** 积分更正: the only way to change points; it references the entry it corrects. */
export const correctionSchema = {
  type: 'object',
  title: '积分更正',
  properties: {
    entryId: { type: 'string', title: '被更正的记录', pattern: '^[0-9]{1,10}$' },
    points: { type: 'integer', title: '更正分值（可为负）', minimum: -1000, maximum: 1000, not: { const: 0 } },
    reason: { type: 'string', title: '更正原因', minLength: 4, maxLength: 300 },
  },
  required: ['entryId', 'points', 'reason'],
  additionalProperties: false,
} as const;

export type CorrectionInput = FromSchema<typeof correctionSchema>;

export const correctionForm: FormDefinition = {
  id: 'volunteer-points.correction',
  title: { 'zh-CN': '积分更正', en: 'Correct points' },
  schema: correctionSchema,
  uiSchema: {
    'ui:order': ['entryId', 'points', 'reason'],
    // Opened from a ledger row, that entry is chosen already; from the menu, searched by who and when.
    entryId: lookup({ source: '/api/plugins/volunteer-points/ledger', label: '{date} {accountName} {kindTitle} {points}分', where: { id: '{param.entry}' }, search: true }),
    reason: { 'ui:widget': 'textarea' },
  },
  translations: { en: { '/': 'Correct points', '/entryId': 'Entry corrected', '/points': 'Points to add (negative to take away)', '/reason': 'Reason' } },
};
