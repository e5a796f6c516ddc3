import type { FormDoc } from '../api/types';
import type { Lang } from '../i18n';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema of the field at a form path ('/address/street'), following object properties. */
export function schemaAt(schema: Json, path: string): Json | undefined {
  let s: Json | undefined = schema;
  for (const key of path.split('/').filter(Boolean)) {
    const props: unknown = s?.properties;
    s = isObj(props) && isObj(props[key]) ? (props[key] as Json) : undefined;
  }
  return s;
}

/** A field's title in the chosen language: the form's translation when there is one, else the schema's own (Chinese) title. */
export function fieldTitle(form: FormDoc, path: string, lang: Lang): string {
  const translated = lang === 'en' ? form.translations.en?.[path] : undefined;
  if (translated) return translated;
  const title = schemaAt(form.schema, path)?.title;
  return typeof title === 'string' ? title : (path.split('/').filter(Boolean).pop() ?? '');
}

/**
 * The uiSchema with English titles as `ui:title`. Titles go in the uiSchema,
 * not the schema: the schema must stay exactly what the server compiled its
 * validators from.
 */
export function localizedUiSchema(form: FormDoc, lang: Lang): Json {
  const ui = structuredClone(form.uiSchema ?? {}) as Json;
  if (lang === 'zh-CN') return ui;
  for (const [path, title] of Object.entries(form.translations[lang] ?? {})) {
    let node = ui;
    for (const key of path.split('/').filter(Boolean)) {
      if (!isObj(node[key])) node[key] = {};
      node = node[key] as Json;
    }
    node['ui:title'] = title;
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
