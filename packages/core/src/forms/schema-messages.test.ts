import { describe, expect, it } from 'vitest';
import { createAjv, localizedDetails } from './registry.js';
import { schemaMessage } from './schema-messages.js';

describe('schema messages in both languages (ajv-i18n)', () => {
  const validate = createAjv().compile({
    type: 'object',
    required: ['title'],
    properties: { title: { type: 'string', maxLength: 5 }, urgency: { enum: ['急', '缓'] }, count: { type: 'integer', minimum: 1 } },
    additionalProperties: false,
  });

  it('gives each detail its Chinese and English message, the English unchanged', () => {
    validate({ urgency: '很急', count: 0, extra: 1 });
    const details = localizedDetails(validate.errors);
    expect(details.map((d) => [d.path, d.message, d.localized?.['zh-CN']])).toEqual([
      ['/title', 'is required', '此项必填'],
      ['/extra', 'is not a known field', '表单中没有这一项'],
      ['/urgency', 'must be equal to one of the allowed values', '应当是预设定的枚举值之一'],
      ['/count', 'must be >= 1', '应当为 >= 1'],
    ]);
    for (const d of details) expect(d.localized?.en).toBe(d.message);
  });

  it('translates by keyword and parameters, not by matching English text', () => {
    expect(schemaMessage({ keyword: 'maxLength', params: { limit: 5 }, message: 'anything at all' }, 'too long')).toEqual({ 'zh-CN': '不应多于 5 个字符', en: 'too long' });
  });
});
