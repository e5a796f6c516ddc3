import { describe, expect, it } from 'vitest';
import { LinliError } from '../errors.js';
import type { FormDefinition } from '../schemas/types.js';
import { FormRegistry } from './registry.js';
import { constTitle, enumValues, fieldSchemaAt, parseTranslationKey, translationProblems } from './translations.js';

const form = (translations: Record<string, string>): FormDefinition => ({
  id: 'f',
  title: { 'zh-CN': '反映问题' },
  schema: {
    type: 'object',
    properties: {
      urgency: { type: 'string', enum: ['急', '缓'] },
      needs: { type: 'array', items: { type: 'string', enum: ['养老', '医疗'] } },
      where: { type: 'object', properties: { street: { type: 'string' } } },
      note: { type: 'string' },
      party: { type: 'string', oneOf: [{ const: 'propertyCompany', title: '物业' }, { const: 'ownersCommittee', title: '业委会' }] },
    },
  },
  uiSchema: { urgency: { 'ui:help': '急：影响安全' } },
  translations: { en: translations },
});

describe('form translation keys', () => {
  it('parses a field path and an enum value', () => {
    expect(parseTranslationKey('/urgency')).toEqual({ path: '/urgency' });
    expect(parseTranslationKey('/urgency=急')).toEqual({ path: '/urgency', value: '急' });
    expect(parseTranslationKey('/a=b=c')).toEqual({ path: '/a', value: 'b=c' });
    expect(parseTranslationKey('/urgency@help')).toEqual({ path: '/urgency', ui: 'help' });
    expect(parseTranslationKey('/note@placeholder')).toEqual({ path: '/note', ui: 'placeholder' });
    expect(parseTranslationKey('/mail@domain')).toEqual({ path: '/mail@domain' });
  });

  it('finds nested fields and the enum of a field or of its array items', () => {
    const schema = form({}).schema as Record<string, unknown>;
    expect(fieldSchemaAt(schema, '/where/street')).toEqual({ type: 'string' });
    expect(fieldSchemaAt(schema, '/where/nope')).toBeUndefined();
    expect(fieldSchemaAt(schema, '/')).toBe(schema);
    expect(enumValues(fieldSchemaAt(schema, '/urgency'))).toEqual(['急', '缓']);
    expect(enumValues(fieldSchemaAt(schema, '/needs'))).toEqual(['养老', '医疗']);
    expect(enumValues(fieldSchemaAt(schema, '/note'))).toBeUndefined();
    expect(enumValues(fieldSchemaAt(schema, '/party'))).toEqual(['propertyCompany', 'ownersCommittee']);
    expect(constTitle(fieldSchemaAt(schema, '/party'), 'ownersCommittee')).toBe('业委会');
    expect(constTitle(fieldSchemaAt(schema, '/urgency'), '急')).toBeUndefined();
  });

  it('accepts titles and enum labels that point at something', () => {
    expect(translationProblems(form({ '/': 'Report', '/urgency': 'Urgency', '/urgency=急': 'Urgent', '/needs=医疗': 'Health', '/where/street': 'Street', '/party=ownersCommittee': "Owners' committee", '/urgency@help': 'Urgent: a safety matter' }))).toEqual([]);
  });

  it('names every key that points at nothing, so a typo is not silently untranslated', () => {
    expect(translationProblems(form({ '/urgncy': 'Urgency', '/urgency=快': 'Fast', '/note=x': 'X', urgency: 'U', '/note@help': 'Help' }))).toEqual([
      'translations.en["/urgncy"]: the form has no field /urgncy',
      'translations.en["/urgency=快"]: "快" is not one of the values of /urgency (急, 缓)',
      'translations.en["/note=x"]: the field /note has no list of allowed values to label',
      'translations.en["urgency"]: a key is a field path starting with "/"',
      'translations.en["/note@help"]: the uiSchema has no "ui:help" text at /note to translate',
    ]);
  });

  it('makes the registry refuse such a form at start, naming the form and its source', () => {
    try {
      new FormRegistry().register(form({ '/urgncy': 'Urgency' }), 'plugin "x"');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LinliError);
      expect((e as LinliError).code).toBe('LINLI_ERR_CONFIG_INVALID');
      expect((e as LinliError).message).toContain('form "f" from plugin "x": translations.en["/urgncy"]: the form has no field /urgncy');
    }
  });
});
