import { defineService, serviceRef, type Actor, type Kysely } from '@linli/sdk';
import type { Matter } from '../matters.js';
import { envOf } from './env.js';
import { openVote } from './votes.js';

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

/** What owners' self-governance does for other plugins (`ctx.service(ownersVotes)`). */
export interface OwnersVotes {
  /**
   * Opens an owners' vote in the caller's transaction, with the actor who
   * takes the caller's step: the same checks as the staff form (the actor
   * convenes votes at the scope; the scope is a compound or building with
   * registered units; the matter's Art. 278 rule from the city's config).
   * When it closes, `owners-self-governance.vote-closed` carries `origin`
   * (and the caller's name) back.
   */
  open(trx: Kysely<any>, actor: Actor, input: VoteFromElsewhere): Promise<{ voteId: string }>;
}

/** The service's typed name, for callers listing `owners-self-governance` among their (optional) dependencies. */
export const ownersVotes = serviceRef<OwnersVotes>('owners-self-governance.votes');

/** Built from this plugin's own context: the vote's close job, notices and event are this plugin's. */
export const ownersVotesService = defineService(ownersVotes, (own, caller) => ({
  async open(trx, actor, input) {
    const id = await openVote(envOf(own, trx), actor, {
      scopeOrgId: input.scopeOrgId,
      title: input.title,
      matter: input.matter,
      ...(input.days ? { days: input.days } : {}),
      origin: { plugin: caller, ref: input.origin.ref, title: input.origin.title },
    });
    return { voteId: String(id) };
  },
}));
