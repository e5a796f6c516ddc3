import type { FormDefinition } from '@linli/sdk';
import { periodPattern } from '../periods.js';
import type { Criterion } from '../settings.js';

export const EVALUATION_FORM = 'red-property.evaluation';
export const ratings = ['优秀', '良好', '合格', '差'] as const;
export type Rating = (typeof ratings)[number];
export const ratingEn: Record<Rating, string> = { 优秀: 'Excellent', 良好: 'Good', 合格: 'Pass', 差: 'Poor' };

/** The body of POST /evaluations, as the city's criteria make it. */
export interface EvaluationInput {
  companyOrgId: string;
  period: string;
  scores: Record<string, number>;
  comment?: string;
}

const common = {
  companyOrgId: { type: 'string', title: '物业服务企业', pattern: '^[1-9][0-9]{0,9}$' },
  period: { type: 'string', title: '考核期', pattern: periodPattern },
  comment: { type: 'string', title: '考核意见', maxLength: 1000 },
} as const;

/**
 * 考核评价 form, generated from the city's criteria list: one field per
 * criterion, each a whole number from 0 to its maximum. The plugin registers
 * it when its routes mount (the SDK's static `forms` cannot depend on
 * options) and serves it at GET /evaluation-form.
 */
export function evaluationForm(criteria: readonly Criterion[], periodHint: string, committees = false): FormDefinition {
  const scores = Object.fromEntries(criteria.map((c) => [c.key, { type: 'integer', title: `${c.title}（0–${c.max}分）`, minimum: 0, maximum: c.max }]));
  return {
    id: EVALUATION_FORM,
    title: { 'zh-CN': '物业服务考核评价', en: 'Evaluate a property company' },
    schema: {
      type: 'object',
      title: '物业服务考核评价',
      properties: {
        ...common,
        scores: { type: 'object', title: '评分', properties: scores, required: criteria.map((c) => c.key), additionalProperties: false },
      },
      required: ['companyOrgId', 'period', 'scores'],
      additionalProperties: false,
    },
    uiSchema: {
      'ui:order': ['companyOrgId', 'period', 'scores', 'comment'],
      companyOrgId: { 'ui:widget': 'org', 'ui:options': { types: ['property_company'], kind: 'side' } },
      period: { 'ui:placeholder': periodHint },
      comment: committees ? { 'ui:widget': 'textarea', 'ui:help': '各小区在任业主委员会见“物业服务企业”页；可征求业委会意见写入考核意见' } : { 'ui:widget': 'textarea' },
    },
    translations: {
      en: {
        '/': 'Evaluate a property company',
        '/companyOrgId': 'Property company',
        '/period': `Period (e.g. ${periodHint})`,
        '/period@placeholder': periodHint,
        '/scores': 'Scores',
        ...Object.fromEntries(criteria.map((c) => [`/scores/${c.key}`, `${c.titleEn ?? c.title} (0–${c.max})`])),
        '/comment': 'Comments',
        ...(committees ? { '/comment@help': "Each compound's sitting owners' committee is on the Property companies page; its view may go into the comments" } : {}),
      },
    },
  };
}

/**
 * The route's body schema: the same fields, but scores only need to be
 * numbers here so that a score out of range gets the plugin's coded error
 * naming the criterion (RP_ERR_SCORE_OUT_OF_RANGE), not a generic 400.
 */
export function evaluationBody(criteria: readonly Criterion[]) {
  return {
    type: 'object',
    properties: {
      ...common,
      scores: { type: 'object', properties: Object.fromEntries(criteria.map((c) => [c.key, { type: 'number' }])), required: criteria.map((c) => c.key), additionalProperties: false },
    },
    required: ['companyOrgId', 'period', 'scores'],
    additionalProperties: false,
  } as const;
}
