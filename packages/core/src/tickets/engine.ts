import { LinliError } from '../errors.js';
import type { FormRegistry } from '../forms/registry.js';
import { computeDeadline, defaultCalendar, type WorkingCalendar } from '../time/calendar.js';
import type { CompiledWorkflow } from '../workflow/registry.js';
import type { Actor, TicketScope } from './actor.js';
import { matchesAny } from './rules.js';
import type { TransitionDefinition } from '../schemas/types.js';
import type { NoteVisibility, PlanEffect, PlanResolution, Ticket, TicketChange } from './types.js';

export interface EngineContext {
  forms: FormRegistry;
  calendar?: WorkingCalendar;
}

export interface CreatePlan {
  state: string;
  title: string;
  deadline: Date | null;
  data: Record<string, unknown>;
  /** `route` when the workflow has `routeOnCreate`: the server assigns the org from the city's dispatch rules. */
  resolve: readonly PlanResolution[];
  /** What follows the insert, in its transaction. */
  effects: readonly PlanEffect[];
}

function titleOf(wf: CompiledWorkflow, data: Record<string, unknown>): string {
  const field = wf.def.titleField;
  const value = field ? data[field] : undefined;
  const text = typeof value === 'string' && value.trim() ? value.trim() : wf.def.title['zh-CN'];
  return text.slice(0, 200);
}

/** Checks that `actor` may file a ticket of `wf` at the org with `orgPath`, validates the intake form, and plans the ticket. */
export function planCreate(
  ctx: EngineContext,
  wf: CompiledWorkflow,
  actor: Actor,
  orgPath: string,
  data: unknown,
  now: Date,
): CreatePlan {
  const scope: TicketScope = { orgPath, assigneeOrgPath: null, assigneePersonId: null, reporterId: actor.personId };
  if (!matchesAny(wf.def.create, actor, scope)) {
    throw new LinliError('LINLI_ERR_FORBIDDEN', [`your roles do not allow filing "${wf.def.title['zh-CN']}" at this organization`]);
  }
  ctx.forms.assertValid(wf.def.intakeForm, data);
  const record = data as Record<string, unknown>;
  const initial = wf.state(wf.def.initial);
  return Object.freeze({
    state: wf.def.initial,
    title: titleOf(wf, record),
    deadline: computeDeadline(initial?.timeLimit, now, ctx.calendar ?? defaultCalendar),
    data: record,
    resolve: wf.def.routeOnCreate ? (['route'] as const) : [],
    effects: ['schedule-deadlines'] as const,
  });
}

/** Names of the transitions `actor` may take on `ticket` now. */
export function allowedActions(wf: CompiledWorkflow, ticket: Ticket, actor: Actor): string[] {
  return wf.transitionsFrom(ticket.state).filter((t) => matchesAny(t.allow, actor, ticket)).map((t) => t.name);
}

export interface TransitionInput {
  action: string;
  version: number;
  data?: unknown;
  comment?: string | undefined;
  /** The actor's choice of who reads this step's data and comment; the step's default when absent. */
  visibility?: NoteVisibility | undefined;
}

/** How long after closing a ticket may be reopened, when the step does not say. */
export const defaultReopenWindowDays = 7;

/**
 * Who reads what a step records, unless the actor chooses: the step's own
 * `visibility`, else public when the reporter may take the step (their own
 * words, their rating), else internal — staff notes stay internal unless a
 * workflow says a step is a reply to the resident.
 */
export function defaultVisibility(t: TransitionDefinition): NoteVisibility {
  return t.visibility ?? (t.allow.some((r) => r.scope === 'reporter') ? 'public' : 'internal');
}

/**
 * Plans a transition: checks version, permission, the step's form and comment,
 * and works out every effect, including those the database must resolve
 * (`resolve`) and those that follow the write (`effects`). Pure, and the plan
 * it returns is frozen: the db layer applies it atomically with a version
 * check, so a concurrent change still loses cleanly with 409.
 */
export function planTransition(
  ctx: EngineContext,
  wf: CompiledWorkflow,
  ticket: Ticket,
  actor: Actor,
  input: TransitionInput,
  now: Date,
): TicketChange {
  if (input.version !== ticket.version) {
    throw new LinliError('LINLI_ERR_VERSION_CONFLICT', [input.version, ticket.version]);
  }
  const t = wf.transition(input.action);
  if (!t || !wf.transitionsFrom(ticket.state).includes(t) || !matchesAny(t.allow, actor, ticket)) {
    throw new LinliError('LINLI_ERR_ACTION_NOT_ALLOWED', [input.action]);
  }
  const data = (input.data ?? {}) as Record<string, unknown>;
  if (t.form) ctx.forms.assertValid(t.form, data);
  else if (input.data !== undefined && Object.keys(data).length > 0) {
    throw new LinliError('LINLI_ERR_FORM_INVALID', [input.action], [{ path: '/data', message: 'this step takes no form data' }]);
  }
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  if (t.commentRequired && !comment) {
    throw new LinliError('LINLI_ERR_FORM_INVALID', [input.action], [{ path: '/comment', message: 'a comment is required for this step' }]);
  }

  if (t.reopen) assertMayReopen(t, ticket, now);

  const target = wf.state(t.to);
  const resolve: PlanResolution[] = [];
  const effects: PlanEffect[] = ['schedule-deadlines'];
  const change: { -readonly [K in keyof TicketChange]: TicketChange[K] } = {
    action: t.name,
    fromState: ticket.state,
    toState: t.to,
    expectedVersion: ticket.version,
    // A step that stays in its state (a progress report) keeps the clock running; entering a state starts it anew.
    deadline: t.to === ticket.state ? ticket.deadline : computeDeadline(target?.timeLimit, now, ctx.calendar ?? defaultCalendar),
    closedAt: wf.isTerminal(t.to) ? now : null,
    eventData: t.form ? data : null,
    comment,
    visibility: input.visibility ?? defaultVisibility(t),
    resolve,
    effects,
  };
  if (t.rating) change.rating = ratingOf(data, t.rating.field, input.action);
  // A reopened ticket is judged again: its earlier rating stays in the history only.
  if (t.reopen) Object.assign(change, { reopen: true, rating: null });
  for (const e of t.effects ?? []) {
    switch (e.type) {
      case 'assign-org':
        change.assigneeOrgId = requireString(data, e.field, input.action);
        break;
      case 'assign-person':
        change.assigneePersonId = e.actor ? actor.personId : requireString(data, e.field ?? '', input.action);
        break;
      case 'assign-ticket-org':
        change.assigneeOrgId = ticket.orgId;
        break;
      case 'clear-assignee':
        change.assigneePersonId = null;
        break;
      case 'set-deadline': {
        const raw = requireString(data, e.field, input.action);
        const when = new Date(raw);
        if (Number.isNaN(when.getTime()) || when.getTime() <= now.getTime()) {
          throw new LinliError('LINLI_ERR_FORM_INVALID', [input.action], [{ path: `/${e.field}`, message: 'the deadline must be a date in the future' }]);
        }
        change.deadline = when;
        break;
      }
      case 'route': {
        // A person's explicit choice wins; otherwise the dispatch rules decide.
        const chosen = e.field === undefined ? undefined : data[e.field];
        if ((typeof chosen === 'string' && chosen.length > 0) || typeof chosen === 'number') change.assigneeOrgId = String(chosen);
        else resolve.push('route');
        break;
      }
      case 'assign-previous':
        resolve.push('assign-previous');
        effects.push('notify-returned');
        break;
    }
  }
  Object.freeze(resolve);
  Object.freeze(effects);
  return Object.freeze(change);
}

/** Refuses a reopen beyond the step's limit (default once) or its window after closing (default 7 days). */
function assertMayReopen(t: TransitionDefinition, ticket: Ticket, now: Date): void {
  const limit = t.reopen?.limit ?? 1;
  if ((ticket.reopenCount ?? 0) >= limit) throw new LinliError('LINLI_ERR_REOPEN_LIMIT', [limit]);
  const days = t.reopen?.withinDays ?? defaultReopenWindowDays;
  if (ticket.closedAt && now.getTime() - ticket.closedAt.getTime() > days * 86_400_000) {
    throw new LinliError('LINLI_ERR_REOPEN_WINDOW', [days, ticket.closedAt.toISOString().slice(0, 10)]);
  }
}

function ratingOf(data: Record<string, unknown>, field: string, action: string): number {
  const v = data[field];
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5) return v;
  throw new LinliError('LINLI_ERR_FORM_INVALID', [action], [{ path: `/${field}`, message: 'a rating from 1 to 5 is required' }]);
}

function requireString(data: Record<string, unknown>, field: string, action: string): string {
  const v = data[field];
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number') return String(v);
  throw new LinliError('LINLI_ERR_FORM_INVALID', [action], [{ path: `/${field}`, message: 'is required' }]);
}
