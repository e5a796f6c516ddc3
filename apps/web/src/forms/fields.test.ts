import { describe, expect, it } from 'vitest';
import type { FormDoc } from '../api/types';
import { enumLabel, fieldTitle, localizedUiSchema, orderedFields } from './fields';

const form: FormDoc = {
  id: 'f',
  title: { 'zh-CN': '反映诉求', en: 'Report a problem' },
  schema: { type: 'object', title: '反映诉求', properties: { title: { type: 'string', title: '标题' }, where: { type: 'object', properties: { street: { type: 'string', title: '街道' } } }, note: { type: 'string' } } },
  uiSchema: { 'ui:order': ['where', '*'], note: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Report a problem', '/title': 'Title', '/where/street': 'Street' } },
};

describe('form field helpers', () => {
  it('titles a field from the translation in English and from the schema in Chinese', () => {
    expect(fieldTitle(form, '/title', 'en')).toBe('Title');
    expect(fieldTitle(form, '/title', 'zh-CN')).toBe('标题');
    expect(fieldTitle(form, '/where/street', 'en')).toBe('Street');
    expect(fieldTitle(form, '/note', 'en')).toBe('note');
  });
  it('puts English titles in the uiSchema and leaves the schema alone', () => {
    const before = JSON.stringify(form.schema);
    expect(localizedUiSchema(form, 'en')).toEqual({
      'ui:order': ['where', '*'],
      'ui:title': 'Report a problem',
      note: { 'ui:widget': 'textarea' },
      title: { 'ui:title': 'Title' },
      where: { street: { 'ui:title': 'Street' } },
    });
    expect(localizedUiSchema(form, 'zh-CN')).toEqual(form.uiSchema);
    expect(JSON.stringify(form.schema)).toBe(before);
  });
  it('labels enum values in English through ui:enumNames, keeping the Chinese values', () => {
    const withEnum: FormDoc = {
      ...form,
      schema: { type: 'object', properties: { urgency: { type: 'string', title: '紧急程度', enum: ['急', '缓'] } } },
      uiSchema: { urgency: { 'ui:widget': 'radio', 'ui:help': '急：需尽快解决' } },
      translations: { en: { '/urgency': 'Urgency', '/urgency=急': 'Urgent', '/urgency=缓': 'Can wait', '/urgency@help': 'Urgent: needs solving soon' } },
    };
    expect(localizedUiSchema(withEnum, 'en')).toEqual({ urgency: { 'ui:widget': 'radio', 'ui:help': 'Urgent: needs solving soon', 'ui:title': 'Urgency', 'ui:enumNames': { 急: 'Urgent', 缓: 'Can wait' } } });
    expect(enumLabel(withEnum, '/urgency', '急', 'en')).toBe('Urgent');
    expect(enumLabel(withEnum, '/urgency', '急', 'zh-CN')).toBe('急');
    expect(enumLabel(withEnum, '/urgency', '其他', 'en')).toBe('其他');
  });
  it('labels oneOf branches through their ui:title, and shows their Chinese title in Chinese', () => {
    const withOneOf: FormDoc = {
      ...form,
      schema: { type: 'object', properties: { party: { type: 'string', oneOf: [{ const: 'pc', title: '物业' }, { const: 'oc', title: '业委会' }] } } },
      uiSchema: { party: { 'ui:widget': 'radio' } },
      translations: { en: { '/party=oc': "Owners' committee" } },
    };
    expect(localizedUiSchema(withOneOf, 'en')).toEqual({ party: { 'ui:widget': 'radio', oneOf: [{}, { 'ui:title': "Owners' committee" }] } });
    expect(enumLabel(withOneOf, '/party', 'oc', 'en')).toBe("Owners' committee");
    expect(enumLabel(withOneOf, '/party', 'pc', 'en')).toBe('物业');
    expect(enumLabel(withOneOf, '/party', 'pc', 'zh-CN')).toBe('物业');
  });
  it('orders fields by ui:order with its wildcard', () => {
    expect(orderedFields(form)).toEqual(['where', 'title', 'note']);
  });
});
