import { describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv';
import { LinliError } from '../errors.js';
import { dispatchForm, formRegistry, handleForm, intakeForm, loose } from '../test-fixtures.js';
import { ajvErrorsToDetails, createAjv, FormRegistry } from './registry.js';

function caught(fn: () => unknown): LinliError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LinliError);
    return e as LinliError;
  }
  throw new Error('expected a LinliError, nothing was thrown');
}

const valid = { title: '路灯不亮', category: '环境卫生', description: '小区东门路灯坏了一周' };

describe('FormRegistry.register', () => {
  it('registers forms and looks them up by id', () => {
    const r = formRegistry([intakeForm(), handleForm()]);
    expect(r.has('test.intake')).toBe(true);
    expect(r.has('test.dispatch')).toBe(false);
    expect(r.get('test.handle')?.title).toEqual({ 'zh-CN': 'test.handle' });
    expect(r.get('nope')).toBeUndefined();
    expect(r.list().map((f) => f.id)).toEqual(['test.intake', 'test.handle']);
  });

  it('refuses a second form with the same id, naming both sources (LINLI_ERR_PLUGIN_CONFLICT)', () => {
    const r = new FormRegistry();
    r.register(intakeForm(), 'plugin "grid-requests"');
    const e = caught(() => r.register({ ...dispatchForm(), id: 'test.intake' }, 'plugin "red-property"'));
    expect(e.code).toBe('LINLI_ERR_PLUGIN_CONFLICT');
    expect(e.statusCode).toBe(500);
    expect(e.message).toBe('The form id "test.intake" is claimed by both plugin "grid-requests" and plugin "red-property". Rename one of them.');
    // The first form stays.
    expect(r.get('test.intake')?.title['zh-CN']).toBe('反映诉求');
    expect(r.list()).toHaveLength(1);
  });

  it('refuses a schema that does not compile with LINLI_ERR_CONFIG_INVALID', () => {
    const r = new FormRegistry();
    const bad = loose(handleForm());
    bad.schema.properties.result.type = 'text';
    const e = caught(() => r.register(bad, 'linli.config.json'));
    expect(e.code).toBe('LINLI_ERR_CONFIG_INVALID');
    expect(e.message).toContain('the schema of form "test.handle" from linli.config.json does not compile');
    expect(r.has('test.handle')).toBe(false);
  });

  it('accepts the x-linli-sensitive keyword and string formats', () => {
    const r = new FormRegistry();
    r.register({ id: 'f', title: { 'zh-CN': 'f' }, schema: { type: 'object', properties: { when: { type: 'string', format: 'date-time' } } } }, 's');
    expect(r.errors('f', { when: '2025-06-04T10:00:00+08:00' })).toEqual([]);
    expect(r.errors('f', { when: 'tomorrow' })).toMatchObject([{ path: '/when', message: 'must match format "date-time"' }]);
  });
});

describe('FormRegistry.errors and assertValid', () => {
  const r = formRegistry();

  it('returns no errors for valid data', () => {
    expect(r.errors('test.intake', valid)).toEqual([]);
    expect(() => r.assertValid('test.intake', valid)).not.toThrow();
  });

  it('maps a missing required field to the path of that field', () => {
    expect(r.errors('test.intake', { title: '路灯', category: '环境卫生' })).toMatchObject([{ path: '/description', message: 'is required', expected: 'a value' }]);
  });

  it('maps an unknown field to its own path', () => {
    expect(r.errors('test.intake', { ...valid, urgent: true })).toMatchObject([{ path: '/urgent', message: 'is not a known field' }]);
  });

  it('gives the allowed values of an enum', () => {
    expect(r.errors('test.intake', { ...valid, category: '其他' })).toMatchObject([
      { path: '/category', message: 'must be equal to one of the allowed values', expected: 'one of ["环境卫生","物业服务","邻里纠纷"]' },
    ]);
  });

  it('gives the pattern and the type expected', () => {
    expect(r.errors('test.intake', { ...valid, contactPhone: '12345' })).toMatchObject([
      { path: '/contactPhone', message: 'must match pattern "^1[0-9]{10}$"', expected: 'a string matching ^1[0-9]{10}$' },
    ]);
    expect(r.errors('test.intake', { ...valid, floors: 'six' })).toMatchObject([{ path: '/floors', message: 'must be integer', expected: 'integer' }]);
  });

  it('maps nested errors to nested paths', () => {
    expect(r.errors('test.intake', { ...valid, address: { room: '301', floor: 3 } })).toMatchObject([
      { path: '/address/building', message: 'is required', expected: 'a value' },
      { path: '/address/floor', message: 'is not a known field' },
    ]);
    expect(r.errors('test.intake', { ...valid, address: { building: 3 } })).toMatchObject([{ path: '/address/building', message: 'must be string', expected: 'string' }]);
  });

  it('reports every invalid field at once', () => {
    const details = r.errors('test.intake', { title: 'x', category: 'x', extra: 1 });
    expect(details.map((d) => d.path).sort()).toEqual(['/category', '/description', '/extra', '/title']);
  });

  it('reports data that is not an object at /', () => {
    expect(r.errors('test.intake', [])).toMatchObject([{ path: '/', message: 'must be object', expected: 'object' }]);
  });

  it('reports an unknown form at /', () => {
    expect(r.errors('nope', {})).toEqual([{ path: '/', message: 'unknown form "nope"' }]);
  });

  it('assertValid throws LINLI_ERR_FORM_INVALID (422) with every detail', () => {
    const e = caught(() => r.assertValid('test.intake', { title: '路灯' }));
    expect(e.code).toBe('LINLI_ERR_FORM_INVALID');
    expect(e.statusCode).toBe(422);
    expect(e.message).toBe('The form "test.intake" has invalid fields; see details.');
    expect(e.details).toMatchObject([
      { path: '/category', message: 'is required', expected: 'a value' },
      { path: '/description', message: 'is required', expected: 'a value' },
    ]);
  });

  it('assertValid refuses data for an unknown form', () => {
    expect(caught(() => r.assertValid('nope', {})).details).toEqual([{ path: '/', message: 'unknown form "nope"' }]);
  });
});

describe('FormRegistry.sensitiveFields', () => {
  it('lists the top-level fields marked x-linli-sensitive', () => {
    expect(formRegistry().sensitiveFields('test.intake')).toEqual(['contactPhone', 'idCard']);
  });

  it('is empty for a form without sensitive fields, or without properties, or unknown', () => {
    const r = formRegistry();
    r.register({ id: 'bare', title: { 'zh-CN': 'bare' }, schema: { type: 'object' } }, 's');
    expect(r.sensitiveFields('test.handle')).toEqual([]);
    expect(r.sensitiveFields('bare')).toEqual([]);
    expect(r.sensitiveFields('nope')).toEqual([]);
  });

  it('ignores a field marked false', () => {
    const r = new FormRegistry();
    r.register(
      { id: 'p', title: { 'zh-CN': 'p' }, schema: { type: 'object', properties: { a: { type: 'string', 'x-linli-sensitive': false }, b: { type: 'string', 'x-linli-sensitive': true } } } },
      's',
    );
    expect(r.sensitiveFields('p')).toEqual(['b']);
  });
});

describe('ajvErrorsToDetails', () => {
  const err = (e: Partial<ErrorObject>): ErrorObject => ({ keyword: 'x', instancePath: '', schemaPath: '#', params: {}, ...e });

  it('maps nothing to nothing', () => {
    expect(ajvErrorsToDetails(null)).toEqual([]);
    expect(ajvErrorsToDetails(undefined)).toEqual([]);
    expect(ajvErrorsToDetails([])).toEqual([]);
  });

  it('prefixes every path with the base pointer', () => {
    expect(
      ajvErrorsToDetails(
        [
          err({ keyword: 'required', instancePath: '/states/0', params: { missingProperty: 'title' } }),
          err({ keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'colour' } }),
          err({ keyword: 'minimum', instancePath: '/n', params: { comparison: '>=', limit: 1 }, message: 'must be >= 1' }),
          err({ keyword: 'type', instancePath: '', params: { type: 'object' }, message: 'must be object' }),
        ],
        '/plugins/x',
      ),
    ).toEqual([
      { path: '/plugins/x/states/0/title', message: 'is required', expected: 'a value' },
      { path: '/plugins/x/colour', message: 'is not a known field' },
      { path: '/plugins/x/n', message: 'must be >= 1', expected: 'a number >= 1' },
      { path: '/plugins/x', message: 'must be object', expected: 'object' },
    ]);
  });

  it('falls back to "is invalid" without a message', () => {
    expect(ajvErrorsToDetails([err({ keyword: 'not', instancePath: '/a' })])).toEqual([{ path: '/a', message: 'is invalid' }]);
  });

  it('works on errors of a fresh createAjv validator', () => {
    const validate = createAjv().compile({ type: 'object', properties: { n: { enum: [1, 2] } }, required: ['n', 'm'] });
    expect(validate({ n: 3 })).toBe(false);
    expect(ajvErrorsToDetails(validate.errors)).toEqual([
      { path: '/m', message: 'is required', expected: 'a value' },
      { path: '/n', message: 'must be equal to one of the allowed values', expected: 'one of [1,2]' },
    ]);
  });
});
