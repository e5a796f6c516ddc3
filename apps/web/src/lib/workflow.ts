import type { Me, Workflow } from '../api/types';

export type StateTone = 'new' | 'progress' | 'done' | 'muted';

/**
 * A colour family for a state: the initial state is new, the first terminal
 * state is the good ending (办结), other terminal states are muted (不予受理),
 * everything between is in progress.
 */
export function stateTone(wf: Workflow | undefined, state: string): StateTone {
  if (!wf) return 'progress';
  if (state === wf.initial) return 'new';
  const terminals = wf.states.filter((s) => s.terminal).map((s) => s.id);
  if (terminals[0] === state) return 'done';
  if (terminals.includes(state)) return 'muted';
  return 'progress';
}

export function fromStates(from: string | string[]): string[] {
  return Array.isArray(from) ? from : [from];
}
/** Whether one of my roles is named by the workflow's `create` rules (a rule without a role names everyone); never one only its plugin files. */
export function mayFile(w: Workflow, roles: Me['roles']): boolean {
  if (!w.intakeForm || w.filedBy === 'plugin') return false;
  const rules = w.create ?? [];
  return rules.length === 0 || rules.some((r) => r.role === undefined || roles.some((mine) => mine.role === r.role));
}
