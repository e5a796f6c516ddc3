import { LinliError, type Deployment } from '@linli/core';
import type { LinliPlugin, PluginContext, WorkflowHooks } from '@linli/sdk';

export interface BoundHooks {
  plugin: string;
  hooks: WorkflowHooks;
  ctx: PluginContext;
}

/**
 * The plugins' hooks by workflow id, gathered once at start in dependency
 * order: a step calls only the hooks of its own ticket's workflow. A hook
 * declared for a workflow the city does not have is a mistake in the plugin
 * (a typo, a renamed workflow) and stops the start.
 */
export function hooksByWorkflow(deployment: Deployment, plugins: readonly LinliPlugin[], contextOf: (name: string) => PluginContext): (workflow: string) => readonly BoundHooks[] {
  const map = new Map<string, BoundHooks[]>();
  for (const p of plugins) {
    for (const [workflow, hooks] of Object.entries(p.hooks ?? {})) {
      if (!deployment.workflows.get(workflow)) {
        throw new LinliError('LINLI_ERR_PLUGIN_CONFLICT', [`Plugin "${p.name}" declares hooks for the workflow "${workflow}", which this city does not have.`]);
      }
      const list = map.get(workflow) ?? [];
      list.push({ plugin: p.name, hooks, ctx: contextOf(p.name) });
      map.set(workflow, list);
    }
  }
  const none: readonly BoundHooks[] = Object.freeze([]);
  return (workflow) => map.get(workflow) ?? none;
}
