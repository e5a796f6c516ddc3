import type { ErrorDetail } from '../errors.js';
import type { ResolvedPluginManifest } from '../plugins/manifest.js';
import type { CityConfig } from '../schemas/types.js';
import { builtinNoticeKinds, registrationCodeKind } from './builtin.js';
import { templateIssues, type NoticeKindDefinition } from './templates.js';

/** Every notice kind a deployment can send, with the wording the city chose: built-in, plugins', and `notifications.templates`. */
export type NoticeCatalog = ReadonlyMap<string, NoticeKindDefinition>;

/**
 * The catalog of a city and what is wrong with it: a plugin kind not named
 * `<plugin>.…` or declared twice, a city template for an unknown kind, a
 * template using a variable its kind does not have (the server refuses to
 * start, naming the kind and the variable), a default or robot kind that
 * does not exist.
 */
export function buildNoticeCatalog(config: CityConfig, plugins: readonly Pick<ResolvedPluginManifest, 'name' | 'notices'>[], file: string): { catalog: NoticeCatalog; issues: ErrorDetail[] } {
  const issues: ErrorDetail[] = [];
  const kinds = new Map<string, NoticeKindDefinition>();
  for (const k of [...builtinNoticeKinds, registrationCodeKind]) kinds.set(k.id, k);
  for (const p of plugins) {
    p.notices?.forEach((k, i) => {
      const at = `/notices/${i}`;
      if (!k.id.startsWith(`${p.name}.`)) issues.push({ file: `plugin:${p.name}`, path: `${at}/id`, message: `notice kind "${k.id}" must be named "${p.name}.…"`, expected: `"${p.name}.${k.id}"` });
      else if (kinds.has(k.id)) issues.push({ file: `plugin:${p.name}`, path: `${at}/id`, message: `notice kind "${k.id}" is declared twice`, expected: 'a kind declared once' });
      for (const t of templateIssues(k.id, k.vars, k.template)) issues.push({ file: `plugin:${p.name}`, path: `${at}/template/${t.where}`, message: t.message, expected: t.expected });
      kinds.set(k.id, k);
    });
  }
  const n = config.notifications;
  for (const [kind, t] of Object.entries(n?.templates ?? {})) {
    const def = kinds.get(kind);
    if (!def) {
      issues.push({ file, path: `/notifications/templates/${kind}`, message: `there is no notice kind "${kind}"`, expected: `one of ${JSON.stringify([...kinds.keys()])}` });
      continue;
    }
    const merged = { title: { ...def.template.title, ...t.title }, body: { ...def.template.body, ...t.body } } as NoticeKindDefinition['template'];
    for (const x of templateIssues(kind, def.vars, merged)) issues.push({ file, path: `/notifications/templates/${kind}/${x.where}`, message: x.message, expected: x.expected });
    kinds.set(kind, { ...def, template: merged });
  }
  const known = (path: string, kind: string) => {
    if (!kinds.has(kind)) issues.push({ file, path, message: `there is no notice kind "${kind}"`, expected: `one of ${JSON.stringify([...kinds.keys()])}` });
  };
  for (const kind of Object.keys(n?.defaults ?? {})) known(`/notifications/defaults/${kind}`, kind);
  for (const kind of Object.keys(n?.sms?.templates ?? {})) known(`/notifications/sms/templates/${kind}`, kind);
  n?.wecom?.robot?.kinds.forEach((kind, i) => known(`/notifications/wecom/robot/kinds/${i}`, kind));
  return { catalog: kinds, issues };
}
