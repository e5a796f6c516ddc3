import type { PluginEventDefinition } from '@linli/sdk';
import type { Decision } from '../art278.js';
import type { VoteRow } from '../store/votes.js';
import type { Env } from './env.js';

export const VOTE_CLOSED = 'owners-self-governance.vote-closed';

/** What `owners-self-governance.vote-closed` carries: which vote, where it came from, whether it passed, on which matter. */
export interface VoteClosedEvent {
  voteId: string;
  /** The plugin that opened the vote (openVoteFrom), its reference and title; null for a vote staff set up here. */
  origin: { plugin: string; ref: string; title: string } | null;
  passed: boolean;
  matter: string;
}

/** The plugin's events, as data: other plugins handle them with `on`. */
export const events: PluginEventDefinition[] = [
  {
    name: VOTE_CLOSED,
    title: { 'zh-CN': '业主表决结束', en: "An owners' vote closed" },
    payloadSchema: {
      type: 'object',
      required: ['voteId', 'origin', 'passed', 'matter'],
      properties: {
        voteId: { type: 'string', pattern: '^[0-9]{1,10}$' },
        origin: {
          anyOf: [
            { type: 'null' },
            { type: 'object', required: ['plugin', 'ref', 'title'], properties: { plugin: { type: 'string' }, ref: { type: 'string' }, title: { type: 'string' } }, additionalProperties: false },
          ],
        },
        passed: { type: 'boolean' },
        matter: { type: 'string' },
      },
      additionalProperties: false,
    },
  },
];

/** Announces a closed vote in the transaction that closes it (by staff or by the clock): its handlers run only if the close commits. */
export async function announceClosed(env: Env, vote: VoteRow, result: Decision): Promise<void> {
  const origin = vote.originPlugin && vote.originRef && vote.originTitle ? { plugin: vote.originPlugin, ref: vote.originRef, title: vote.originTitle } : null;
  const payload: VoteClosedEvent = { voteId: String(vote.id), origin, passed: result.passed, matter: vote.matter };
  await env.ctx.emit(env.trx, VOTE_CLOSED, payload, { key: `vote:${vote.id}` });
}
