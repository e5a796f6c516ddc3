import type { TicketScope } from './actor.js';

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
  createdAt: Date;
}

/** What a transition changes; the db layer applies it only if the version still matches. */
export interface TicketChange {
  action: string;
  fromState: string;
  toState: string;
  expectedVersion: number;
  /** undefined: leave as is; null: clear. */
  assigneeOrgId?: string | null;
  assigneePersonId?: string | null;
  deadline: Date | null;
  closedAt: Date | null;
  eventData: Record<string, unknown> | null;
  comment: string | null;
  /**
   * Set by the `route` effect when the step form named no org: the server
   * assigns the org from the city's dispatch rules (the engine has no org tree).
   */
  route?: boolean;
  /** Set by the `assign-previous` effect: the server restores the holder from the ticket's history. */
  assignPrevious?: boolean;
}
