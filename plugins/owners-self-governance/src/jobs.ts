import type { PluginJobDefinition } from '@linli/sdk';
import { envOf } from './service/env.js';
import { CLOSE_VOTE_JOB } from './service/vote-effects.js';
import { closeIfDue } from './service/votes.js';

/** Counts a vote at the end of its voting time when nobody closed it by hand (exactly once: the job queue keys it by vote). */
export const jobs: PluginJobDefinition<{ voteId: string }>[] = [
  {
    kind: CLOSE_VOTE_JOB,
    payloadSchema: { type: 'object', required: ['voteId'], properties: { voteId: { type: 'string', pattern: '^[0-9]{1,10}$' } }, additionalProperties: false },
    async handler({ payload, ctx, trx }) {
      await closeIfDue(envOf(ctx, trx), payload.voteId);
    },
  },
];
