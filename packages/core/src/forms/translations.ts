import type { FormDefinition } from '../schemas/types.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A form's `translations.en` key is one of:
 * - `/` — the form's title;
 * - `/field` or `/field/sub` — a field's title, following object properties;
 * - `/field=value` — the label of one allowed value of a field with an `enum`
 *   or a `oneOf` of consts (or of an array whose items have one);
 * - `/field@help`, `/field@placeholder` — the uiSchema's `ui:help` or
 *   `ui:placeholder` text of a field. Values stay Chinese in the data;
 *   only what a person reads changes with the language.
 */
export const uiTexts = ['help', 'placeholder'] as const;
export type UiText = (typeof uiTexts)[number];

export interface TranslationKey {
  path: string;
  value?: string;
  ui?: UiText;
}

export function parseTranslationKey(key: string): TranslationKey {
  const eq = key.indexOf('=');
  if (eq >= 0) return { path: key.slice(0, eq), value: key.slice(eq + 1) };
  const at = key.lastIndexOf('@');
  const ui = key.slice(at + 1);
  return at >= 0 && (uiTexts as readonly string[]).includes(ui) ? { path: key.slice(0, at), ui: ui as UiText } : { path: key };
}

/** The schema of the field at a form path ('/address/street'), following object properties. */
export function fieldSchemaAt(schema: Json, path: string): Json | undefined {
  let node: Json | undefined = schema;
  for (const key of path.split('/').filter(Boolean)) {
    const props: unknown = node?.properties;
    node = isObj(props) && isObj(props[key]) ? props[key] : undefined;
  }
  return node;
}

/** The branches of a field that lists its values as `oneOf`/`anyOf` of `{ const, title }`. */
function constBranches(field: Json): Json[] | undefined {
  const alts = field.oneOf ?? field.anyOf;
  return Array.isArray(alts) && alts.length > 0 && alts.every((a) => isObj(a) && 'const' in a) ? (alts as Json[]) : undefined;
}

/** The values a field allows, by `enum` or `oneOf` of consts, its own or its array items'. */
export function enumValues(field: Json | undefined): unknown[] | undefined {
  if (!field) return undefined;
  if (Array.isArray(field.enum)) return field.enum;
  const branches = constBranches(field);
  if (branches) return branches.map((b) => b.const);
  return isObj(field.items) ? enumValues(field.items) : undefined;
}

/** The schema's own (Chinese) label of a value: the `title` of its `oneOf` branch, if it has one. */
export function constTitle(field: Json | undefined, value: unknown): string | undefined {
  if (!field) return undefined;
  const branches = constBranches(field);
  if (!branches) return isObj(field.items) ? constTitle(field.items, value) : undefined;
  const title = branches.find((b) => b.const === value)?.title;
  return typeof title === 'string' ? title : undefined;
}

/**
 * What is wrong with a form's translation keys, one sentence each: a key
 * naming no field, or a value the field does not allow, is a typo that would
 * silently leave text untranslated.
 */
export function translationProblems(form: FormDefinition): string[] {
  const problems: string[] = [];
  for (const [lang, entries] of Object.entries(form.translations ?? {})) {
    for (const key of Object.keys(entries ?? {})) {
      const { path, value, ui } = parseTranslationKey(key);
      if (!path.startsWith('/')) {
        problems.push(`translations.${lang}["${key}"]: a key is a field path starting with "/"`);
        continue;
      }
      const field = fieldSchemaAt(form.schema as Json, path);
      if (!field) {
        problems.push(`translations.${lang}["${key}"]: the form has no field ${path}`);
        continue;
      }
      if (ui) {
        const node = path.split('/').filter(Boolean).reduce<unknown>((n, k) => (isObj(n) ? n[k] : undefined), form.uiSchema ?? {});
        if (!isObj(node) || typeof node[`ui:${ui}`] !== 'string') problems.push(`translations.${lang}["${key}"]: the uiSchema has no "ui:${ui}" text at ${path} to translate`);
        continue;
      }
      if (value === undefined) continue;
      const allowed = enumValues(field);
      if (!allowed) problems.push(`translations.${lang}["${key}"]: the field ${path} has no list of allowed values to label`);
      else if (!allowed.map(String).includes(value)) problems.push(`translations.${lang}["${key}"]: "${value}" is not one of the values of ${path} (${allowed.map(String).join(', ')})`);
    }
  }
  return problems;
}
