import { cityConfigSchema, defaultOrgTypes, defaultRoles, localize } from '@linli/core';

/**
 * Renders docs/config-reference.md from the city config's JSON Schema
 * (`cityConfigSchema` in @linli/core) and the core's default org types and
 * roles. The schema is the single source of truth: a field added there shows
 * up here on the next render, and config-reference.test.ts fails while the
 * committed file is stale.
 */

type Schema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  enum?: readonly unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  default?: unknown;
  oneOf?: readonly Schema[];
  anyOf?: readonly Schema[];
  $ref?: string;
  title?: string;
};

interface Row {
  path: string;
  type: string;
  required: boolean;
  notes: string;
}

export const regenerate = 'npm run build && npm run config-reference -w @linli/cli';

export function renderConfigReference(schema: Schema = cityConfigSchema as unknown as Schema): string {
  const top = schema.properties ?? {};
  const sections = Object.entries(top).filter(([, s]) => isSection(s));
  const out: string[] = [
    '# City config reference: `linli.config.json`',
    '',
    `<!-- GENERATED from cityConfigSchema (packages/core/src/schemas) by packages/cli/src/scaffold/config-reference.ts. Do not edit by hand: run \`${regenerate}\`. -->`,
    '',
    'Every field a city config may hold, generated from the JSON Schema that `linli check` and the',
    'server validate it with (published for editors as `packages/core/schema/linli.config.schema.json`:',
    'point `"$schema"` at it for completion and checks as you type). Beyond the shape, `linli check`',
    'checks every cross-reference — org keys, grid keys, roles, workflows, states and forms, each',
    "plugin's options against the plugin's own schema — and prints each problem as",
    '`file:/json/path  message (expected …)`. How to use these fields: [the implementer guide](implementer-guide.md).',
    '',
    'Paths: `a.b` is field `b` of object `a`; `a[]` is each item of array `a`; `a{}` is each value of map `a`.',
    '',
    '## Top level',
    '',
    schema.description ?? '',
    '',
    table(
      Object.entries(top).map(([k, s]) => ({ path: k, type: isSection(s) ? `${typeOf(s, schema)} — see [\`${k}\`](#${k.toLowerCase()})` : typeOf(s, schema), required: (schema.required ?? []).includes(k), notes: notes(s) })),
    ),
  ];
  for (const [k, s] of sections) {
    out.push('', `## \`${k}\``, '', ...(s.description ? [sentence(s.description), ''] : []));
    const target = resolve(s, schema);
    if (target !== s && target.description) out.push(sentence(target.description), '');
    out.push(table(rows(k, s, schema, new Set())));
    if (k === 'orgTypes') out.push('', defaultsOfOrgTypes());
    if (k === 'roles') out.push('', defaultsOfRoles());
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** Whether a top-level field gets its own section: anything with fields of its own. */
function isSection(s: Schema): boolean {
  return !isLocalizedText(s) && (s.$ref !== undefined || s.properties !== undefined || s.items?.properties !== undefined || (s.type === 'object' && s.additionalProperties !== undefined));
}

function resolve(s: Schema, root: Schema): Schema {
  if (!s.$ref) return s;
  const name = /^#\/\$defs\/(.+)$/.exec(s.$ref)?.[1];
  const target = name ? (root as { $defs?: Record<string, Schema> }).$defs?.[name] : undefined;
  if (!target) throw new Error(`Cannot resolve ${s.$ref} in the config schema.`);
  return target;
}

/** The rows for `s` and everything under it, at `path`. A `$ref` met a second time (the recursive org tree) is named, not expanded. */
function rows(path: string, s: Schema, root: Schema, seen: Set<string>): Row[] {
  if (s.$ref) {
    if (seen.has(s.$ref)) return [];
    return rows(path, resolve(s, root), root, new Set([...seen, s.$ref]));
  }
  if (s.type === 'array' && s.items) return rows(`${path}[]`, s.items, root, seen);
  const out: Row[] = [];
  if (s.oneOf?.every((v) => v.properties)) {
    // Variants told apart by a constant `type` (workflow effects): each variant's own fields.
    for (const v of s.oneOf) {
      const tag = v.properties?.type?.const;
      const at = tag === undefined ? path : `${path} (type "${String(tag)}")`;
      out.push({ path: at, type: 'object', required: false, notes: v.description ? sentence(v.description) : '' });
      for (const [k, f] of Object.entries(v.properties ?? {})) if (k !== 'type') out.push(...field(`${at}.${k}`, f, (v.required ?? []).includes(k), root, seen));
    }
    return out;
  }
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object' && !s.properties) {
    // A map (overrides by form id, fields by name): its values' own fields, when they have some.
    const value = s.additionalProperties;
    const row: Row = { path: `${path}{}`, type: typeOf(value, root), required: false, notes: notes(value) ? joinNotes('any key', notes(value)) : 'any key' };
    return hasFields(value) ? [row, ...rows(`${path}{}`, value, root, seen)] : [row];
  }
  const oneOfRequired = s.oneOf?.every((v) => v.required?.length === 1) ? s.oneOf.map((v) => `\`${v.required![0]}\``) : null;
  for (const [k, f] of Object.entries(s.properties ?? {})) {
    out.push(...field(`${path}.${k}`, f, (s.required ?? []).includes(k), root, seen));
  }
  if (oneOfRequired) out.push({ path: `${path}`, type: '', required: false, notes: `exactly one of ${oneOfRequired.join(', ')}` });
  return out;
}

function field(path: string, f: Schema, required: boolean, root: Schema, seen: Set<string>): Row[] {
  const row: Row = { path, type: typeOf(f, root), required, notes: notes(f) };
  const ref = f.$ref ?? f.items?.$ref;
  if (ref && seen.has(ref)) return [{ ...row, notes: joinNotes(row.notes, 'each with the same fields as its parent, nested') }];
  const inner = f.type === 'array' ? f.items : f;
  const expands = inner && !isLocalizedText(inner) && (inner.properties || inner.oneOf?.some((v) => v.properties) || inner.$ref || isMapOfFields(inner));
  return expands ? [row, ...rows(path, f, root, seen)] : [row];
}

const hasFields = (s: Schema) => (s.properties !== undefined && !isLocalizedText(s)) || isMapOfFields(s);
/** An object map whose values are objects with fields of their own (not `plugins{}`: any options). */
function isMapOfFields(s: Schema): boolean {
  const v = s.additionalProperties;
  return s.type === 'object' && !s.properties && typeof v === 'object' && hasFields(v);
}

function isLocalizedText(s: Schema): boolean {
  const keys = Object.keys(s.properties ?? {});
  return keys.length === 2 && keys.includes('zh-CN') && keys.includes('en');
}

function typeOf(s: Schema, root: Schema): string {
  if (isLocalizedText(s)) return 'text `{ "zh-CN", "en"? }`';
  if (s.$ref) return `${s.$ref.split('/').pop()} node`;
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' | ');
  if (s.anyOf) return s.anyOf.map((v) => typeOf(v, root)).join(' or ');
  if (s.type === 'array') return `array of ${s.items ? plural(typeOf(s.items, root)) : 'values'}`;
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object' && !s.properties) return `map of ${plural(typeOf(s.additionalProperties, root))}`;
  const t = Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? (s.oneOf ? 'object' : 'any'));
  const range = s.minimum !== undefined || s.maximum !== undefined ? ` ${s.minimum ?? ''}–${s.maximum ?? ''}` : '';
  return `${t}${range}${s.format ? ` (${s.format})` : ''}`;
}

function plural(t: string): string {
  return /^(string|integer|number|boolean|object)$/.test(t) ? `${t}s` : t;
}

function notes(s: Schema): string {
  const n: string[] = [];
  if (s.description && !isLocalizedText(s)) n.push(s.description.replace(/\.$/, ''));
  if (s.pattern) n.push(`matches \`${s.pattern}\``);
  if (s.minLength !== undefined) n.push(`at least ${s.minLength} character${s.minLength === 1 ? '' : 's'}`);
  if (s.maxLength !== undefined) n.push(`at most ${s.maxLength} characters`);
  if (s.minItems !== undefined) n.push(`at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}`);
  if (s.maxItems !== undefined) n.push(`at most ${s.maxItems} items`);
  if (s.uniqueItems) n.push('no duplicates');
  if (s.items?.pattern) n.push(`each matches \`${s.items.pattern}\``);
  if (s.default !== undefined) n.push(`default \`${JSON.stringify(s.default)}\``);
  return n.join('; ');
}

const joinNotes = (a: string, b: string) => (a ? `${a}; ${b}` : b);
const sentence = (s: string) => (/[.!?)]$/.test(s) ? s : `${s}.`);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(rs: Row[]): string {
  return [
    '| field | type | required | notes |',
    '|---|---|---|---|',
    ...rs.map((r) => `| ${r.path ? `\`${r.path}\`` : ''} | ${cell(r.type)} | ${r.required ? 'yes' : ''} | ${cell(r.notes)} |`),
  ].join('\n');
}

function defaultsOfOrgTypes(): string {
  return [
    'Without `orgTypes`, a city has these (DOMAIN.md §1); a list given here replaces them all:',
    '',
    '| id | name | kind | may be placed under |',
    '|---|---|---|---|',
    ...defaultOrgTypes.map((t) => `| \`${t.id}\` | ${localize(t.title, 'zh-CN')} ${localize(t.title, 'en')} | ${t.kind} | ${t.kind === 'side' ? 'any org, under `side`' : (t.parents ?? []).length ? (t.parents ?? []).map((p) => `\`${p}\``).join(', ') : 'nothing: the root'} |`),
  ].join('\n');
}

function defaultsOfRoles(): string {
  return [
    'Every city has these roles; `roles` adds to them (plugins may add more):',
    '',
    '| id | name | held at | sees |',
    '|---|---|---|---|',
    ...defaultRoles.map(
      (r) =>
        `| \`${r.id}\` | ${localize(r.title, 'zh-CN')} ${localize(r.title, 'en')} | ${r.heldAt === 'grid' ? 'a grid (its covered orgs)' : 'an org (and its subtree)'}${r.admin ? ', administrator' : ''} | ${r.ticketScope === 'own' ? 'only tickets they filed or hold' : 'the tickets in its scope'} |`,
    ),
  ].join('\n');
}
