import { LinliError, type Actor as CoreActor } from '@linli/core';
import type { Actor } from '@linli/sdk';

/** An actor the server vouches for: the core's shape (for policy and queries) and the SDK's opaque brand (for plugins). */
export type MintedActor = CoreActor & Actor;

/**
 * Every actor this process minted. A WeakSet, so an actor lives no longer
 * than the request (or seed) holding it; identity, not shape, is what counts,
 * so a copy or an object a plugin writes is never in it.
 */
const minted = new WeakSet<object>();

/**
 * Makes an actor the server vouches for: frozen through its grants (a plugin
 * holding it cannot add a role) and remembered, so the ticket service accepts
 * it. Called where the server has read a person's roles from the database:
 * the session (policy.ts), `SeedContext.actor`, the enrolment reader.
 */
export function mintActor(actor: CoreActor): MintedActor {
  for (const g of actor.grants) Object.freeze(Object.freeze(g).scopePaths);
  if (actor.enrolments) for (const paths of Object.values(actor.enrolments)) Object.freeze(paths);
  Object.freeze(actor.enrolments);
  Object.freeze(actor.grants);
  minted.add(Object.freeze(actor));
  return actor as MintedActor;
}

/** The actor if this server minted it, else 500 `LINLI_ERR_ACTOR_NOT_MINTED`: a plugin cannot act as someone it made up. */
export function vouchedFor(actor: unknown): MintedActor {
  if (typeof actor !== 'object' || actor === null || !minted.has(actor)) throw new LinliError('LINLI_ERR_ACTOR_NOT_MINTED');
  return actor as MintedActor;
}
