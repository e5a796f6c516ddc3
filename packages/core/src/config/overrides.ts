import type { ErrorDetail } from '../errors.js';
import { createAjv } from '../forms/registry.js';
import { enumValues, parseTranslationKey, translationProblems } from '../forms/translations.js';
import type { PluginManifest, PluginOverridable, ResolvedPluginManifest } from '../plugins/manifest.js';
import type { FormDefinition, FormOverride, Overrides, WorkflowDefinition, WorkflowOverride } from '../schemas/types.js';

type Json = Record<string, any>;

export interface OverrideContext {
  file: string;
  isKnownRole: (id: string) => boolean;
}

/** JSON pointer segment: ids may hold "/" or "~" in principle (RFC 6901). */
const seg = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

const behaviourKeys = ['hidden', 'required', 'minLength', 'maxLength', 'minimum', 'maximum', 'maxItems', 'enum'] as const;
/** Limits a city may only tighten: the direction in which a new value is stricter. */
const lowerBounds = ['minLength', 'minimum'] as const;
const upperBounds = ['maxLength', 'maximum', 'maxItems'] as const;
const limitTypes: Record<string, string[]> = { minLength: ['string'], maxLength: ['string'], minimum: ['integer', 'number'], maximum: ['integer', 'number'], maxItems: ['array'] };

const allowedBy = (decl: '*' | string[] | undefined, name: string) => decl === '*' || (decl ?? []).includes(name);

/**
 * Applies the city's `overrides` to the forms and workflows of its plugins:
 * wording (titles, help, English labels) anywhere; behaviour (limits,
 * choices, hidden and added fields, time limits, who may take a step) only
 * where the plugin declares it overridable (`overridable` in its manifest),
 * and never in a way that would break the plugin — a field its code reads
 * hidden, a choice it knows removed… Every refusal carries the path in the
 * config. The plugins come back with their effective forms and workflows.
 */
export function applyOverrides(
  plugins: readonly ResolvedPluginManifest[],
  overrides: Overrides | undefined,
  ctx: OverrideContext,
): { plugins: ResolvedPluginManifest[]; issues: ErrorDetail[] } {
  const issues: ErrorDetail[] = [];
  const issue = (path: string, message: string, expected: string) => issues.push({ file: ctx.file, path, message, expected });
  if (!overrides) return { plugins: [...plugins], issues };

  const formOwner = new Map<string, ResolvedPluginManifest>();
  const workflowOwner = new Map<string, ResolvedPluginManifest>();
  for (const p of plugins) {
    p.forms?.forEach((f) => formOwner.set(f.id, p));
    p.workflows?.forEach((w) => workflowOwner.set(w.id, p));
  }
  const changedForms = new Map<string, FormDefinition>();
  const changedWorkflows = new Map<string, WorkflowDefinition>();

  for (const [id, o] of Object.entries(overrides.forms ?? {})) {
    const at = `/overrides/forms/${seg(id)}`;
    const owner = formOwner.get(id);
    if (!owner) {
      issue(at, `no enabled plugin has a form "${id}" (a form of this config is changed in /forms itself)`, `one of ${JSON.stringify([...formOwner.keys()])}`);
      continue;
    }
    const form = owner.forms!.find((f) => f.id === id)!;
    const effective = overrideForm(form, o, declared(owner).forms?.[id], owner.name, at, issue);
    if (effective) changedForms.set(id, effective);
  }
  for (const [id, o] of Object.entries(overrides.workflows ?? {})) {
    const at = `/overrides/workflows/${seg(id)}`;
    const owner = workflowOwner.get(id);
    if (!owner) {
      issue(at, `no enabled plugin has a workflow "${id}" (a workflow of this config is changed in /workflows itself)`, `one of ${JSON.stringify([...workflowOwner.keys()])}`);
      continue;
    }
    const wf = owner.workflows!.find((w) => w.id === id)!;
    changedWorkflows.set(id, overrideWorkflow(wf, o, declared(owner).workflows?.[id], owner.name, at, issue, ctx));
  }

  return {
    issues,
    plugins: plugins.map((p) => ({
      ...p,
      ...(p.forms ? { forms: p.forms.map((f) => changedForms.get(f.id) ?? f) } : {}),
      ...(p.workflows ? { workflows: p.workflows.map((w) => changedWorkflows.get(w.id) ?? w) } : {}),
    })),
  };
}

const declared = (p: Pick<PluginManifest, 'overridable'>): PluginOverridable => p.overridable ?? {};

type Issue = (path: string, message: string, expected: string) => void;

function overrideForm(
  form: FormDefinition,
  o: FormOverride,
  decl: NonNullable<PluginOverridable['forms']>[string] | undefined,
  plugin: string,
  at: string,
  issue: Issue,
): FormDefinition | undefined {
  const out = structuredClone(form) as FormDefinition & { schema: Json; uiSchema?: Json };
  const schema = out.schema as Json;
  const props: Json = (schema.properties ??= {});
  const required: string[] = (schema.required ??= []);
  const ui: Json = (out.uiSchema ??= {});
  const en: Record<string, string> = { ...(out.translations?.en ?? {}) };
  const uiOf = (name: string): Json => (ui[name] ??= {});
  const order = (): string[] | undefined => ui['ui:order'];
  const reads = new Set(decl?.reads ?? []);

  if (o.title) {
    out.title = o.title;
    if (typeof schema.title === 'string') schema.title = o.title['zh-CN'];
    if (o.title.en) en['/'] = o.title.en;
  }

  for (const [name, f] of Object.entries(o.fields ?? {})) {
    const p = `${at}/fields/${seg(name)}`;
    const prop = props[name] as Json | undefined;
    if (!prop) {
      issue(p, `form "${form.id}" has no field "${name}"`, `one of ${JSON.stringify(Object.keys(props))}, or a new field under ${at}/add`);
      continue;
    }
    const changes = behaviourKeys.filter((k) => f[k] !== undefined);
    if (changes.length && !allowedBy(decl?.fields, name)) {
      issue(`${p}/${changes[0]}`, `plugin "${plugin}" does not let a city change "${changes.join('", "')}" of field "${name}" of form "${form.id}"`, `only title, titleEn, help, helpEn and enumLabels${decl?.fields ? `, or a field in ${JSON.stringify(decl.fields)}` : ''}`);
      continue;
    }
    if (f.title) {
      prop.title = f.title;
    }
    if (f.titleEn) en[`/${name}`] = f.titleEn;
    if (f.help !== undefined) uiOf(name)['ui:help'] = f.help;
    if (f.helpEn !== undefined) {
      if (typeof uiOf(name)['ui:help'] !== 'string') issue(`${p}/helpEn`, `field "${name}" has no help text to translate`, 'a "help" text beside "helpEn"');
      else en[`/${name}@help`] = f.helpEn;
    }
    if (f.hidden) {
      if (reads.has(name)) issue(`${p}/hidden`, `plugin "${plugin}" reads field "${name}" of form "${form.id}": hiding it would break the practice`, 'a field the plugin does not read');
      else if (required.includes(name)) issue(`${p}/hidden`, `field "${name}" of form "${form.id}" is required: only an optional field can be hidden`, 'an optional field');
      else {
        delete props[name];
        delete ui[name];
        const ord = order();
        if (ord) ui['ui:order'] = ord.filter((x) => x !== name);
        for (const k of Object.keys(en)) if (parseTranslationKey(k).path === `/${name}` || parseTranslationKey(k).path.startsWith(`/${name}/`)) delete en[k];
      }
      continue;
    }
    if (f.required && !required.includes(name)) required.push(name);
    const type = Array.isArray(prop.type) ? prop.type : [prop.type];
    for (const k of [...lowerBounds, ...upperBounds]) {
      const v = f[k];
      if (v === undefined) continue;
      if (!type.some((t: string) => limitTypes[k]!.includes(t))) {
        issue(`${p}/${k}`, `"${k}" does not apply to field "${name}" (type ${JSON.stringify(prop.type)})`, `a field of type ${limitTypes[k]!.join(' or ')}`);
        continue;
      }
      const old = prop[k] as number | undefined;
      const looser = old !== undefined && ((lowerBounds as readonly string[]).includes(k) ? v < old : v > old);
      if (looser) issue(`${p}/${k}`, `${k} ${v} would accept what plugin "${plugin}" refuses (${k} ${old}): an override may only tighten a limit`, `${(lowerBounds as readonly string[]).includes(k) ? 'at least' : 'at most'} ${old}`);
      else prop[k] = v;
    }
    if (typeof prop.minLength === 'number' && typeof prop.maxLength === 'number' && prop.minLength > prop.maxLength) {
      issue(p, `field "${name}" would need at least ${prop.minLength} and at most ${prop.maxLength} characters`, 'minLength ≤ maxLength');
    }
    if (f.enum) {
      const holder: Json | undefined = Array.isArray(prop.enum) ? prop : Array.isArray(prop.items?.enum) ? prop.items : undefined;
      if (!holder) {
        issue(`${p}/enum`, `field "${name}" of form "${form.id}" is not a list of choices`, 'a field with "enum"');
      } else {
        const before = (holder.enum as unknown[]).map(String);
        const added = f.enum.filter((v) => !before.includes(v));
        if (reads.has(name) && added.length) {
          issue(`${p}/enum`, `plugin "${plugin}" reads field "${name}": new choices ${JSON.stringify(added)} would reach code that does not know them`, `a subset of ${JSON.stringify(before)}`);
        } else {
          holder.enum = [...f.enum];
          for (const k of Object.keys(en)) {
            const key = parseTranslationKey(k);
            if (key.path === `/${name}` && key.value !== undefined && !f.enum.includes(key.value)) delete en[k];
          }
        }
      }
    }
    for (const [value, label] of Object.entries(f.enumLabels ?? {})) {
      const values = enumValues(prop)?.map(String);
      if (!values?.includes(value)) issue(`${p}/enumLabels/${seg(value)}`, `"${value}" is not a choice of field "${name}"`, values ? `one of ${JSON.stringify(values)}` : 'a field with "enum"');
      else en[`/${name}=${value}`] = label;
    }
  }

  const additions = Object.entries(o.add ?? {});
  if (additions.length && !decl?.addFields) {
    issue(`${at}/add`, `plugin "${plugin}" does not let a city add fields to form "${form.id}"`, 'a form whose plugin declares "addFields"');
  } else {
    for (const [name, a] of additions) {
      const p = `${at}/add/${seg(name)}`;
      if (props[name] || (o.fields ?? {})[name]) {
        issue(p, `form "${form.id}" already has a field "${name}"`, 'a new field name');
        continue;
      }
      props[name] = a.schema;
      if (a.required) required.push(name);
      if (a.ui) ui[name] = a.ui;
      if (a.titleEn) en[`/${name}`] = a.titleEn;
      const ord = order();
      if (ord) ui['ui:order'] = ord.includes('*') ? ord : [...ord, name];
      try {
        createAjv().compile(a.schema);
      } catch (e) {
        issue(`${p}/schema`, `the field's JSON Schema does not compile: ${(e as Error).message}`, 'a valid JSON Schema');
      }
    }
  }

  if (!required.length) delete schema.required;
  if (Object.keys(en).length || out.translations) out.translations = { ...out.translations, en };
  for (const problem of translationProblems(out)) issue(at, problem, 'labels only for fields and choices the form has');
  return out;
}

function overrideWorkflow(
  wf: WorkflowDefinition,
  o: WorkflowOverride,
  decl: NonNullable<PluginOverridable['workflows']>[string] | undefined,
  plugin: string,
  at: string,
  issue: Issue,
  ctx: OverrideContext,
): WorkflowDefinition {
  const out = structuredClone(wf);
  if (o.title) out.title = o.title;
  if (o.description) out.description = o.description;
  if (o.offerWhere) out.offerWhere = o.offerWhere;
  const stateIds = out.states.map((s) => s.id);
  for (const [id, s] of Object.entries(o.states ?? {})) {
    const p = `${at}/states/${seg(id)}`;
    const state = out.states.find((x) => x.id === id);
    if (!state) {
      issue(p, `workflow "${wf.id}" has no state "${id}"`, `one of ${JSON.stringify(stateIds)}`);
      continue;
    }
    if (s.title) state.title = s.title;
    if (!s.timeLimit) continue;
    if (state.terminal) issue(`${p}/timeLimit`, `"${id}" is a terminal state: a ticket there is finished and has no deadline`, `a non-terminal state: ${JSON.stringify(out.states.filter((x) => !x.terminal).map((x) => x.id))}`);
    else if (!allowedBy(decl?.timeLimits, id)) issue(`${p}/timeLimit`, `plugin "${plugin}" does not let a city change the time limit of state "${id}"`, decl?.timeLimits ? `a state in ${JSON.stringify(decl.timeLimits)}` : 'a workflow whose plugin declares "timeLimits"');
    else state.timeLimit = s.timeLimit;
  }
  const names = out.transitions.map((t) => t.name);
  for (const [name, t] of Object.entries(o.transitions ?? {})) {
    const p = `${at}/transitions/${seg(name)}`;
    const step = out.transitions.find((x) => x.name === name);
    if (!step) {
      issue(p, `workflow "${wf.id}" has no step "${name}"`, `one of ${JSON.stringify(names)}`);
      continue;
    }
    if (t.title) step.title = t.title;
    if (!t.allow) continue;
    if (!allowedBy(decl?.allow, name)) {
      issue(`${p}/allow`, `plugin "${plugin}" does not let a city change who may take step "${name}"`, decl?.allow ? `a step in ${JSON.stringify(decl.allow)}` : 'a workflow whose plugin declares "allow"');
      continue;
    }
    let ok = true;
    t.allow.forEach((r, k) => {
      if (r.role !== undefined && !ctx.isKnownRole(r.role)) {
        ok = false;
        issue(`${p}/allow/${k}/role`, `unknown role "${r.role}"`, 'a role defined by the config or a plugin');
      }
    });
    if (ok) step.allow = t.allow;
  }
  return out;
}
