import type { ErrorDetail } from '../errors.js';
import { ajvErrorsToDetails, createAjv } from '../forms/registry.js';
import { workflowSchema } from '../schemas/workflow.js';
import type { WorkflowDefinition } from '../schemas/types.js';

export interface WorkflowCheckContext {
  /** The file the workflow came from, named in every error. */
  file: string;
  /** JSON pointer of the workflow inside that file ('' when the file is the workflow). */
  pointer?: string;
  isKnownForm: (id: string) => boolean;
  isKnownRole: (id: string) => boolean;
}

const validateShape = createAjv().compile(workflowSchema);

export function fromStates(t: { from: string | string[] }): string[] {
  return Array.isArray(t.from) ? t.from : [t.from];
}

/**
 * Checks a workflow definition: first its shape against the published JSON
 * Schema, then what a schema cannot say (reachability, dead ends, references).
 * Returns every problem, not just the first, each with file and JSON path.
 */
export function checkWorkflow(input: unknown, ctx: WorkflowCheckContext): ErrorDetail[] {
  const base = ctx.pointer ?? '';
  const at = (path: string, message: string, expected?: string): ErrorDetail =>
    expected ? { file: ctx.file, path: base + path, message, expected } : { file: ctx.file, path: base + path, message };

  if (!validateShape(input)) return ajvErrorsToDetails(validateShape.errors, base).map((d) => ({ ...d, file: ctx.file }));
  const wf = input as WorkflowDefinition;
  const issues: ErrorDetail[] = [];
  const stateIds = new Set<string>();

  wf.states.forEach((s, i) => {
    if (stateIds.has(s.id)) issues.push(at(`/states/${i}/id`, `duplicate state "${s.id}"`, 'a state id used once'));
    stateIds.add(s.id);
  });
  const terminal = new Set(wf.states.filter((s) => s.terminal).map((s) => s.id));
  const stateList = `one of ${JSON.stringify([...stateIds])}`;

  if (!stateIds.has(wf.initial)) issues.push(at('/initial', `unknown state "${wf.initial}"`, stateList));
  if (terminal.has(wf.initial)) issues.push(at('/initial', `the initial state "${wf.initial}" is terminal`, 'a non-terminal state'));
  if (terminal.size === 0) issues.push(at('/states', 'no terminal state: tickets could never be closed', 'at least one state with "terminal": true'));
  if (!ctx.isKnownForm(wf.intakeForm)) issues.push(at('/intakeForm', `unknown form "${wf.intakeForm}"`, 'the id of a registered form'));

  const checkRules = (rules: readonly { role?: string }[], path: string) =>
    rules.forEach((r, k) => {
      if (r.role !== undefined && !ctx.isKnownRole(r.role)) issues.push(at(`${path}/${k}/role`, `unknown role "${r.role}"`, 'a role defined by the config or a plugin'));
    });
  checkRules(wf.create, '/create');

  const names = new Set<string>();
  const outgoing = new Map<string, number>();
  const edges = new Map<string, string[]>();
  wf.transitions.forEach((t, i) => {
    const p = `/transitions/${i}`;
    if (names.has(t.name)) issues.push(at(`${p}/name`, `duplicate transition name "${t.name}"`, 'a transition name used once'));
    names.add(t.name);
    if (!stateIds.has(t.to)) issues.push(at(`${p}/to`, `unknown state "${t.to}"`, stateList));
    fromStates(t).forEach((f, k) => {
      const fp = Array.isArray(t.from) ? `${p}/from/${k}` : `${p}/from`;
      if (!stateIds.has(f)) issues.push(at(fp, `unknown state "${f}"`, stateList));
      // Closed is closed, except for a declared reopen step (limited in count and time).
      if (terminal.has(f) && !t.reopen) issues.push(at(fp, `transition "${t.name}" leaves the terminal state "${f}"`, 'a non-terminal state, or "reopen" on the transition'));
      outgoing.set(f, (outgoing.get(f) ?? 0) + 1);
      edges.set(f, [...(edges.get(f) ?? []), t.to]);
    });
    if (t.form !== undefined && !ctx.isKnownForm(t.form)) issues.push(at(`${p}/form`, `unknown form "${t.form}"`, 'the id of a registered form'));
    checkRules(t.allow, `${p}/allow`);
    if (t.rating && t.form === undefined) issues.push(at(`${p}/rating/field`, `transition "${t.name}" records a rating but has no form`, 'a "form" with an integer field for the rating'));
    (t.effects ?? []).forEach((e, k) => {
      if ('field' in e && e.field !== undefined && t.form === undefined) {
        issues.push(at(`${p}/effects/${k}/field`, `effect "${e.type}" reads a form field but the transition has no form`, 'a "form" on the transition'));
      }
    });
  });

  // Reachability from the initial state.
  const reached = new Set<string>([wf.initial]);
  const queue = [wf.initial];
  while (queue.length) {
    for (const next of edges.get(queue.shift() as string) ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  wf.states.forEach((s, i) => {
    if (stateIds.has(wf.initial) && !reached.has(s.id)) issues.push(at(`/states/${i}`, `state "${s.id}" cannot be reached from "${wf.initial}"`, 'a transition leading to it'));
    if (!s.terminal && !outgoing.get(s.id)) issues.push(at(`/states/${i}`, `state "${s.id}" is a dead end: no transition leaves it and it is not terminal`, 'a transition out of it, or "terminal": true'));
    if (s.terminal && s.timeLimit) issues.push(at(`/states/${i}/timeLimit`, `terminal state "${s.id}" has a time limit`, 'no time limit on a terminal state'));
  });
  return issues;
}
