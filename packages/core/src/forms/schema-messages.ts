import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import type { LocalizedText } from '../i18n.js';

/** What ajv-i18n needs of a validation error (ajv's ErrorObject, or fastify's copy of it). */
export interface SchemaError {
  keyword: string;
  params: Record<string, unknown>;
  message?: string | undefined;
  instancePath?: string;
  schemaPath?: string;
}

type Localize = (errors: SchemaError[]) => void;
// ajv-i18n is published as CommonJS; under NodeNext its default export may be the module object.
const pick = (m: unknown): Localize => ((m as { default?: Localize }).default ?? m) as Localize;
const localizeZh = pick(localizeZhModule);

/**
 * Where the detail's path already names the field, the message says only
 * what is wrong with it (ajv's own would repeat the field's name), in the
 * words the web app's own check uses.
 */
const atTheField: Record<string, LocalizedText> = {
  required: { 'zh-CN': '此项必填', en: 'is required' },
  additionalProperties: { 'zh-CN': '表单中没有这一项', en: 'is not a known field' },
};

/**
 * A schema validation message in both languages, from ajv-i18n (the
 * maintained translations of ajv's messages), so a person reads it in their
 * own language wherever the server answers with it. `en` is the message the
 * caller already shows in English (kept as is, tests and logs rely on it).
 */
export function schemaMessage(e: SchemaError, en: string): LocalizedText {
  const fixed = atTheField[e.keyword];
  if (fixed) return { 'zh-CN': fixed['zh-CN'], en };
  const zh = { ...e, params: { ...e.params } };
  localizeZh([zh]);
  return { 'zh-CN': zh.message ?? en, en };
}

