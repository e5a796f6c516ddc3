import { enumLabels, lookup, type FormDefinition, type FromSchema } from '@linli/sdk';
import { openingPattern } from '../service/sessions.js';

/**
 * The forms a resident fills in: booking a time, answering a proposed new
 * time, cancelling, rating the meeting. Each schema is the body of its route
 * and the form the app renders.
 */

/** The openings picker: times of the studio the page was opened for, the one chosen on the list already selected. */
export const openingPicker = (where: Record<string, string>) =>
  lookup({ source: '/api/plugins/studios/openings', value: 'id', label: '{day} {time}（余{left}）{studioName}', where });

export const bookSchema = {
  type: 'object',
  title: '预约工作室',
  properties: {
    session: { type: 'string', title: '预约时间', pattern: openingPattern },
    topic: { type: 'string', title: '想咨询的事情', minLength: 2, maxLength: 500 },
  },
  required: ['session', 'topic'],
  additionalProperties: false,
} as const;
export type BookInput = FromSchema<typeof bookSchema>;

export const bookForm: FormDefinition = {
  id: 'studios.book',
  title: { 'zh-CN': '预约工作室', en: 'Book a studio' },
  schema: bookSchema,
  uiSchema: {
    'ui:order': ['session', 'topic'],
    session: openingPicker({ id: '{param.session}', studioId: '{param.studio}' }),
    topic: { 'ui:widget': 'textarea', 'ui:placeholder': '简单说说想咨询或反映的事情，方便工作室提前准备' },
  },
  translations: {
    en: {
      '/': 'Book a studio',
      '/session': 'Time',
      '/topic': 'What you would like to talk about',
      '/topic@placeholder': 'A few words so the studio can prepare',
    },
  },
};

export const answers = ['接受新时间', '不接受'] as const;

export const answerSchema = {
  type: 'object',
  title: '答复改约',
  properties: {
    answer: { type: 'string', title: '工作室建议改到新的时间，您是否接受？', enum: answers },
    note: { type: 'string', title: '备注', maxLength: 300 },
  },
  required: ['answer'],
  additionalProperties: false,
} as const;
export type AnswerInput = FromSchema<typeof answerSchema>;

export const answerForm: FormDefinition = {
  id: 'studios.answer',
  title: { 'zh-CN': '答复改约', en: 'Answer the proposed time' },
  schema: answerSchema,
  uiSchema: { answer: { 'ui:widget': 'radio' }, note: { 'ui:widget': 'textarea' } },
  translations: {
    en: {
      '/': 'Answer the proposed time',
      '/answer': 'The studio proposes another time. Do you accept it?',
      ...enumLabels('/answer', answers, { 接受新时间: 'Accept the new time', 不接受: 'Decline' }),
      '/note': 'Note',
    },
  },
};

export const cancelSchema = {
  type: 'object',
  title: '取消预约',
  properties: { reason: { type: 'string', title: '取消原因', minLength: 2, maxLength: 300 } },
  required: ['reason'],
  additionalProperties: false,
} as const;
export type CancelInput = FromSchema<typeof cancelSchema>;

export const cancelForm: FormDefinition = {
  id: 'studios.cancel',
  title: { 'zh-CN': '取消预约', en: 'Cancel the booking' },
  schema: cancelSchema,
  uiSchema: { reason: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Cancel the booking', '/reason': 'Why' } },
};

export const rateSchema = {
  type: 'object',
  title: '评价接待',
  properties: {
    rating: { type: 'integer', title: '满意度（1–5 分，5 分最满意）', enum: [1, 2, 3, 4, 5] },
    comment: { type: 'string', title: '意见建议', maxLength: 500 },
  },
  required: ['rating'],
  additionalProperties: false,
} as const;
export type RateInput = FromSchema<typeof rateSchema>;

export const rateForm: FormDefinition = {
  id: 'studios.rate',
  title: { 'zh-CN': '评价接待', en: 'Rate the meeting' },
  schema: rateSchema,
  uiSchema: { rating: { 'ui:widget': 'radio' }, comment: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Rate the meeting', '/rating': 'Satisfaction (1–5, 5 is best)', '/comment': 'Comments' } },
};
