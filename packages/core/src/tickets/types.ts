import type { TicketScope } from './actor.js';

/**
 * A place on the map, always in WGS-84 (GPS, EPSG:4326) degrees. Map tiles in
 * GCJ-02 (AMap, most Chinese providers) are converted at the map, never here.
 */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/**
 * Who reads what a step recorded (its form data and comment): `internal` is
 * for staff only (梳理意见, 办理要求), `public` for the reporter too.
 */
export type NoteVisibility = 'internal' | 'public';

/** A ticket as the engine sees it. Ids are strings everywhere outside the database. */
export interface Ticket extends TicketScope {
  id: string;
  workflow: string;
  state: string;
  version: number;
  orgId: string;
  assigneeOrgId: string | null;
  title: string;
  data: Record<string, unknown>;
  deadline: Date | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  /** Where the problem is (WGS-84), when the reporter gave a point. */
  point?: GeoPoint | null;
  /** The resident's rating of the result (1–5), recorded by a step that declares `rating`; null when none. */
  rating?: number | null;
  /** How many times the ticket was reopened by a step that declares `reopen`. */
  reopenCount?: number;
}

/** One step of a ticket's history. Events are only ever appended. */
export interface TicketEvent {
  id: string;
  ticketId: string;
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  data: Record<string, unknown> | null;
  comment: string | null;
  /** Who reads `data` and `comment`: decided when the step was taken, kept with it (append-only). */
  visibility: NoteVisibility;
  createdAt: Date;
}

/**
 * An effect of a step that needs the database (the org tree, the history):
 * the engine names it, and the server resolves it with the resolver
 * registered for it, before anything is written.
 * - `route`: the assignee org from the city's dispatch rules;
 * - `assign-previous`: the org and person that held the ticket before it entered its state.
 */
export type PlanResolution = 'route' | 'assign-previous';

/**
 * What follows the write, in the same transaction.
 * - `schedule-deadlines`: the reminder, overdue and escalation jobs of the state entered;
 * - `notify-returned`: tell the person the ticket went back to (after `assign-previous`).
 */
export type PlanEffect = 'schedule-deadlines' | 'notify-returned';

/**
 * The complete plan of one step, as the engine returns it: what changes, what
 * the database must resolve first, and what follows the write. Immutable
 * (frozen): resolvers and plugin hooks return values, and the server builds
 * the next plan from them (`withPatch`), so a plan is never revisited. The db
 * layer applies it only if the version still matches.
 */
export interface TicketChange {
  readonly action: string;
  readonly fromState: string;
  readonly toState: string;
  readonly expectedVersion: number;
  /** undefined: leave as is; null: clear. */
  readonly assigneeOrgId?: string | null;
  readonly assigneePersonId?: string | null;
  readonly deadline: Date | null;
  readonly closedAt: Date | null;
  readonly eventData: Readonly<Record<string, unknown>> | null;
  readonly comment: string | null;
  /** Who reads the step's data and comment (the step's default, or the actor's choice). */
  readonly visibility: NoteVisibility;
  /** The resident's rating this step records (a step declaring `rating`); undefined: leave the ticket's as is; null: clear it (a reopen). */
  readonly rating?: number | null;
  /** Whether this step reopens the ticket (counted on it). */
  readonly reopen?: boolean;
  /** Effects to resolve against the database before the write, in this order. */
  readonly resolve: readonly PlanResolution[];
  /** Effects that follow the write. */
  readonly effects: readonly PlanEffect[];
}

/** What a resolver or a plugin's `beforeTransition` may change in a plan: a typed patch, never the plan itself. */
export interface TicketChangePatch {
  assigneeOrgId?: string | null;
  assigneePersonId?: string | null;
  deadline?: Date | null;
}

/** The plan with `patch` applied, frozen again: the one way a plan changes after the engine made it. */
export function withPatch(change: TicketChange, patch: TicketChangePatch | undefined | void): TicketChange {
  if (!patch || Object.keys(patch).length === 0) return change;
  return Object.freeze({ ...change, ...patch });
}
