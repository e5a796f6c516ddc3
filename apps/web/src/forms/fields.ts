import { constTitle, enumValues, fieldSchemaAt as schemaAt, parseTranslationKey } from '@linli/core/forms/translations';
import type { FormDoc } from '../api/types';
import type { Lang } from '../i18n';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export { schemaAt };

/** A field's title in the chosen language: the form's translation when there is one, else the schema's own (Chinese) title. */
export function fieldTitle(form: FormDoc, path: string, lang: Lang): string {
  const translated = lang === 'en' ? form.translations.en?.[path] : undefined;
  if (translated) return translated;
  const title = schemaAt(form.schema, path)?.title;
  return typeof title === 'string' ? title : (path.split('/').filter(Boolean).pop() ?? '');
}

/**
 * How one allowed value of a field reads in the chosen language: the form's
 * `/field=value` translation, else the title of its `oneOf` branch, else the
 * value itself (enum values are Chinese).
 */
export function enumLabel(form: FormDoc, path: string, value: unknown, lang: Lang): string {
  return (lang === 'en' ? form.translations.en?.[`${path}=${String(value)}`] : undefined) ?? constTitle(schemaAt(form.schema, path), value) ?? String(value);
}

/**
 * The uiSchema with English titles as `ui:title` and English labels of enum
 * values as `ui:enumNames` (a value → label map). They go in the uiSchema,
 * not the schema: the schema must stay exactly what the server compiled its
 * validators from, and the data keeps its Chinese values.
 */
export function localizedUiSchema(form: FormDoc, lang: Lang): Json {
  const ui = structuredClone(form.uiSchema ?? {}) as Json;
  if (lang === 'zh-CN') return ui;
  for (const [key, text] of Object.entries(form.translations[lang] ?? {})) {
    const { path, value, ui: uiText } = parseTranslationKey(key);
    let node = ui;
    for (const name of path.split('/').filter(Boolean)) {
      if (!isObj(node[name])) node[name] = {};
      node = node[name] as Json;
    }
    if (uiText) {
      node[`ui:${uiText}`] = text;
      continue;
    }
    if (value === undefined) {
      node['ui:title'] = text;
      continue;
    }
    // RJSF labels `enum` values by `ui:enumNames` and `oneOf` branches by their own `ui:title`.
    const field = schemaAt(form.schema, path);
    const branches = field && (Array.isArray(field.oneOf) ? 'oneOf' : Array.isArray(field.anyOf) ? 'anyOf' : null);
    if (branches) {
      const index = (enumValues(field) ?? []).indexOf(value);
      const list = Array.isArray(node[branches]) ? (node[branches] as Json[]) : [];
      list[index] = { ...list[index], 'ui:title': text };
      node[branches] = Array.from(list, (b) => b ?? {});
    } else {
      node['ui:enumNames'] = { ...(isObj(node['ui:enumNames']) ? node['ui:enumNames'] : {}), [value]: text };
    }
  }
  return ui;
}

/** Top-level field names in display order: `ui:order` first (with its `*` wildcard), then the rest as the schema lists them. */
export function orderedFields(form: FormDoc): string[] {
  const props = isObj(form.schema.properties) ? Object.keys(form.schema.properties) : [];
  const order = Array.isArray(form.uiSchema?.['ui:order']) ? (form.uiSchema['ui:order'] as string[]) : [];
  const listed = order.filter((k) => k !== '*' && props.includes(k));
  const rest = props.filter((k) => !listed.includes(k));
  const star = order.indexOf('*');
  if (star < 0) return [...listed, ...rest];
  const before = order.slice(0, star).filter((k) => props.includes(k));
  const after = order.slice(star + 1).filter((k) => props.includes(k));
  return [...before, ...rest, ...after];
}

/** The widget the uiSchema names for a top-level field ('photos', 'org', 'textarea'…). */
export function widgetOf(form: FormDoc, field: string): string | undefined {
  const ui = form.uiSchema?.[field];
  return isObj(ui) && typeof ui['ui:widget'] === 'string' ? ui['ui:widget'] : undefined;
}
