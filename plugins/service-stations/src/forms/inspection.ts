import { enumLabels, type FormDefinition } from '@linli/sdk';
import type { ChecklistItem } from '../settings.js';

export const INSPECTION_FORM = 'service-stations.inspection';
export const verdicts = ['合格', '不合格'] as const;
export type Verdict = (typeof verdicts)[number];

/** What the inspector records for one item: pass or fail, at least one photo, and why when it failed. */
export interface ItemResult {
  result: Verdict;
  photos: string[];
  reason?: string;
}

/** The body of POST /inspections/:id: one result per checklist item. */
export interface InspectionInput {
  items: Record<string, ItemResult>;
  note?: string;
}

const photos = { type: 'array', title: '现场照片', minItems: 1, maxItems: 6, items: { type: 'string', pattern: '^[0-9]{1,10}$' } } as const;

/**
 * 站点检查 form, generated from the city's checklist (default 五有): one
 * group per item with its verdict, a photo and the reason for a fail. The
 * reason is required only for a fail, which the route checks
 * (SS_ERR_REASON_REQUIRED names the item).
 */
export function inspectionForm(checklist: readonly ChecklistItem[]): FormDefinition {
  const item = (c: ChecklistItem) => ({
    type: 'object',
    title: c.title,
    ...(c.hint ? { description: c.hint } : {}),
    properties: {
      result: { type: 'string', title: '检查结果', enum: verdicts },
      photos,
      reason: { type: 'string', title: '不合格原因', maxLength: 500 },
    },
    required: ['result', 'photos'],
    additionalProperties: false,
  });
  const itemUi = { 'ui:order': ['result', 'photos', 'reason'], result: { 'ui:widget': 'radio', 'ui:options': { inline: true } }, photos: { 'ui:widget': 'photos' }, reason: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } } };
  return {
    id: INSPECTION_FORM,
    title: { 'zh-CN': '站点检查', en: 'Station inspection' },
    schema: {
      type: 'object',
      title: '站点检查',
      properties: {
        items: { type: 'object', title: '检查项目', properties: Object.fromEntries(checklist.map((c) => [c.key, item(c)])), required: checklist.map((c) => c.key), additionalProperties: false },
        note: { type: 'string', title: '检查意见', maxLength: 1000 },
      },
      required: ['items'],
      additionalProperties: false,
    },
    uiSchema: { 'ui:order': ['items', 'note'], items: Object.fromEntries(checklist.map((c) => [c.key, itemUi])), note: { 'ui:widget': 'textarea' } },
    translations: {
      en: {
        '/': 'Station inspection',
        '/items': 'Checklist',
        ...Object.fromEntries(
          checklist.flatMap((c) => [
            [`/items/${c.key}`, c.titleEn ?? c.title],
            [`/items/${c.key}/result`, 'Result'],
            ...Object.entries(enumLabels(`/items/${c.key}/result`, verdicts, { 合格: 'Pass', 不合格: 'Fail' })),
            [`/items/${c.key}/photos`, 'Photos'],
            [`/items/${c.key}/reason`, 'Why it failed'],
          ]),
        ),
        '/note': 'Remarks',
      },
    },
  };
}
