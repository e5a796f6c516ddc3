import type { Deployment } from './deployment.js';

/**
 * The city as it runs, after overrides: the config's own sections (without
 * `overrides`, now applied), the enabled plugins with their options, and
 * every form and workflow with where it came from. `linli check
 * --print-effective` prints it; implementers see it in the web app.
 */
export function effectiveCity(d: Deployment) {
  const { overrides: _applied, forms: _forms, workflows: _workflows, $schema: _schema, ...config } = d.config;
  const sourceOf = new Map<string, string>();
  for (const p of d.plugins) {
    p.forms?.forEach((f) => sourceOf.set(f.id, `plugin:${p.name}`));
  }
  return {
    ...config,
    overridden: {
      forms: Object.keys(d.config.overrides?.forms ?? {}),
      workflows: Object.keys(d.config.overrides?.workflows ?? {}),
    },
    forms: d.forms.list().map((f) => ({ source: sourceOf.get(f.id) ?? 'config', ...f })),
    workflows: d.workflows.list().map((w) => ({ source: w.source.startsWith('plugin') ? `plugin:${w.source.replace(/^plugin "(.*)"$/, '$1')}` : 'config', ...w.def })),
  };
}
