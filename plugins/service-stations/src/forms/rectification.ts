import type { FormDefinition, FromSchema } from '@linli/sdk';

const id = { type: 'string', pattern: '^[0-9]{1,10}$' } as const;
const photos = { type: 'array', maxItems: 6, items: { type: 'string', pattern: '^[0-9]{1,10}$' } } as const;

/**
 * A rectification ticket 整改工单: one failed item of one inspection. Filed
 * by the inspection route (never by hand: the workflow's afterCreate hook
 * refuses one that no failed item points at).
 */
export const rectificationSchema = {
  type: 'object',
  title: '站点整改',
  properties: {
    title: { type: 'string', title: '整改事项', minLength: 2, maxLength: 100 },
    station: { type: 'string', title: '服务站', minLength: 1, maxLength: 60 },
    item: { type: 'string', title: '不合格项目', minLength: 1, maxLength: 30 },
    reason: { type: 'string', title: '不合格原因', minLength: 1, maxLength: 500 },
    photos: { ...photos, title: '检查照片' },
    inspectionId: { ...id, title: '检查记录' },
    itemKey: { type: 'string', title: '项目编号', pattern: '^[a-z][a-z0-9_]{0,30}$' },
  },
  required: ['title', 'station', 'item', 'reason', 'inspectionId', 'itemKey'],
  additionalProperties: false,
} as const;
export type RectificationData = FromSchema<typeof rectificationSchema>;

export const rectificationForm: FormDefinition = {
  id: 'service-stations.rectification',
  title: { 'zh-CN': '站点整改', en: 'Station rectification' },
  schema: rectificationSchema,
  uiSchema: { 'ui:order': ['title', 'station', 'item', 'reason', 'photos', 'inspectionId', 'itemKey'], reason: { 'ui:widget': 'textarea' }, photos: { 'ui:widget': 'photos' }, inspectionId: { 'ui:widget': 'hidden' }, itemKey: { 'ui:widget': 'hidden' } },
  translations: { en: { '/': 'Station rectification', '/title': 'What to fix', '/station': 'Station', '/item': 'Failed item', '/reason': 'Why it failed', '/photos': 'Inspection photos', '/inspectionId': 'Inspection', '/itemKey': 'Item key' } },
};

/** 整改: what the community did, with a photo of the result for the inspector. */
export const rectifyForm: FormDefinition = {
  id: 'service-stations.rectify',
  title: { 'zh-CN': '整改情况', en: 'What was fixed' },
  schema: {
    type: 'object',
    properties: {
      result: { type: 'string', title: '整改情况', minLength: 2, maxLength: 1000 },
      // Named `photos`: the core shows a step's photos to whoever sees the ticket only under that name.
      photos: { ...photos, title: '整改后照片' },
    },
    required: ['result'],
    additionalProperties: false,
  },
  uiSchema: { result: { 'ui:widget': 'textarea' }, photos: { 'ui:widget': 'photos' } },
  translations: { en: { '/': 'What was fixed', '/result': 'What was done', '/photos': 'Photos after the fix' } },
};

/** 复核销号: the inspector checks the fix and closes the item. */
export const verifyForm: FormDefinition = {
  id: 'service-stations.verify',
  title: { 'zh-CN': '复核意见', en: 'Check of the fix' },
  schema: { type: 'object', properties: { note: { type: 'string', title: '复核意见', maxLength: 500 } }, additionalProperties: false },
  uiSchema: { note: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Check of the fix', '/note': 'Remarks' } },
};
