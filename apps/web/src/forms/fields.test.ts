import { describe, expect, it } from 'vitest';
import type { FormDoc } from '../api/types';
import { fieldTitle, localizedUiSchema, orderedFields } from './fields';

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
  it('orders fields by ui:order with its wildcard', () => {
    expect(orderedFields(form)).toEqual(['where', 'title', 'note']);
  });
});
