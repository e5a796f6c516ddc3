import type { Actor, Deployment, Kysely, PluginContext } from '@linli/sdk';
import type { Matter } from '../matters.js';
import { envOf } from './env.js';
import { openVote } from './votes.js';

/**
 * The plugin's own context per running city, kept by `init`: a vote opened
 * from another plugin schedules this plugin's close job and tells owners with
 * this plugin's notices, in the caller's transaction.
 */
const ownContexts = new WeakMap<Deployment, PluginContext>();

export function keepContext(ctx: PluginContext): void {
  ownContexts.set(ctx.deployment, ctx);
}

/** A vote another plugin opens: the owners' usual vote, with where it came from. */
export interface VoteFromElsewhere {
  /** A compound, or one building of it. */
  scopeOrgId: string;
  matter: Matter;
  /** The question owners read. */
  title: string;
  /** Days open; default the city's votingDays. */
  days?: number;
  /** The caller's reference (a ticket id) and title, kept on the vote, shown on its page and announced when it closes. */
  origin: { ref: string; title: string };
}

/**
 * Opens an owners' vote from another plugin (one that lists
 * `owners-self-governance` among its dependencies or optionalDependencies and
 * asked `pluginEnabled` first), in the caller's transaction and with the
 * actor who takes the caller's step: the same checks as the staff form (the
 * actor convenes votes at the scope; the scope is a compound or building with
 * registered units; the matter's Art. 278 rule from the city's config). When
 * it closes, `owners-self-governance.vote-closed` carries `origin` back.
 */
export async function openVoteFrom(caller: PluginContext, trx: Kysely<any>, actor: Actor, input: VoteFromElsewhere): Promise<{ voteId: string }> {
  const own = ownContexts.get(caller.deployment);
  if (!own) throw new Error(`Plugin "${caller.name}" opens an owners' vote, but owners-self-governance is not running in this city: ask pluginEnabled(ctx, 'owners-self-governance') first.`);
  const id = await openVote(envOf(own, trx), actor, {
    scopeOrgId: input.scopeOrgId,
    title: input.title,
    matter: input.matter,
    ...(input.days ? { days: input.days } : {}),
    origin: { plugin: caller.name, ref: input.origin.ref, title: input.origin.title },
  });
  return { voteId: String(id) };
}
